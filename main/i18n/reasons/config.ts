/** Why a configuration import creates, updates or skips each part of the file (see main/config/import.ts). */
export const configReasons = {
  en: {
    'config.create': 'New: it will be added.',
    'config.sourceSecret':
      'New: it will be added with its {{header}} check. Enter the secret in Sources (an export never holds secrets); until then it refuses every post.',
    'config.destinationSecret':
      'New: it will be added, paused. Enter its secrets in Destinations (an export never holds them), then resume it.',
    'config.destinationPaused':
      'New: it will be added, paused: it sends nothing until you press Resume on its card under Destinations, so two computers never both forward the same orders.',
    'config.update': 'Already here: {{fields}} will change.',
    'config.updateSourceSecret':
      'Already here: {{fields}} will change. Enter the secret in Sources; until then it refuses every post.',
    'config.updateDestinationSecret':
      'Already here: {{fields}} will change. It is paused until you enter its secrets in Destinations.',
    'config.updateDestinationOtherSite':
      'Already here: {{fields}} will change. Its address moves to another site, {{host}}, so the secrets entered for the old one ({{names}}) are not sent there: it is paused until you enter their values for {{host}} in Destinations.',
    'config.same': 'Already here and the same: left as it is.',
  },
  vi: {
    'config.create': 'Mới: sẽ được thêm.',
    'config.sourceSecret':
      'Mới: sẽ được thêm, có kiểm tra {{header}}. Hãy nhập bí mật trong Nguồn (tệp xuất không chứa bí mật); trước đó mọi yêu cầu gửi đến đều bị từ chối.',
    'config.destinationSecret':
      'Mới: sẽ được thêm ở trạng thái tạm dừng. Hãy nhập các bí mật trong Nơi nhận (tệp xuất không chứa bí mật), rồi cho chạy lại.',
    'config.destinationPaused':
      'Mới: sẽ được thêm ở trạng thái tạm dừng: không gửi gì cho tới khi bạn bấm Tiếp tục trên thẻ của nó trong mục Nơi nhận, để hai máy không cùng gửi một đơn hàng.',
    'config.update': 'Đã có: {{fields}} sẽ thay đổi.',
    'config.updateSourceSecret':
      'Đã có: {{fields}} sẽ thay đổi. Hãy nhập bí mật trong Nguồn; trước đó mọi yêu cầu gửi đến đều bị từ chối.',
    'config.updateDestinationSecret':
      'Đã có: {{fields}} sẽ thay đổi. Nơi nhận này tạm dừng cho đến khi bạn nhập các bí mật.',
    'config.updateDestinationOtherSite':
      'Đã có: {{fields}} sẽ thay đổi. Địa chỉ của nó chuyển sang một trang khác, {{host}}, nên các thông tin bí mật đã nhập cho địa chỉ cũ ({{names}}) không được gửi tới đó: nơi nhận này tạm dừng cho đến khi bạn nhập giá trị của chúng cho {{host}} trong Nơi nhận.',
    'config.same': 'Đã có và giống hệt: giữ nguyên.',
  },
};
