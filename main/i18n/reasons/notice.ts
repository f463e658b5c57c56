/**
 * What the engine tells the open dashboards (a banner) and the log, in English and Vietnamese.
 * `{{cause}}` is another reason (why a delivery failed), translated on its own first.
 */
export const noticeReasons = {
  en: {
    'notice.eventFailed':
      'An event ({{type}}{{ref}}) could not be delivered to “{{destination}}” and waits for you in Failed: {{cause}}',
    'notice.destinationFailing':
      '“{{destination}}” is failing: {{cause}} Hookferry keeps the events and tries one at a time until it answers.',
    'notice.destinationFailingNothingWaits':
      '“{{destination}}” is failing: {{cause}} Nothing waits for it now; the next event tries it again. To check it first, send it a test event.',
    'notice.destinationFailingInFailed':
      '“{{destination}}” is failing: {{cause}} What it did not take waits in Failed, and Hookferry does not try it again by itself: resend it once the destination works.',
    'notice.destinationFailingPaused':
      '“{{destination}}” is paused, and its latest tries failed: {{cause}} Hookferry sends it nothing while it is paused; what comes meanwhile is kept.',
    'notice.destinationBack': '“{{destination}}” is taking events again.',
    'notice.sourceSecretLost':
      'The secret of source “{{source}}” could not be read (the data key changed). Enter it again in Sources.',
    'notice.destinationSecretLost':
      'The secrets of destination “{{destination}}” could not be read (the data key changed). Enter them again in Destinations.',
    'notice.paused': 'Deliveries are paused. Events are still received and kept.',
    'notice.resumed': 'Deliveries resumed.',
    'notice.intakeMoved': 'Intake now listens at {{url}}.',
    'notice.addressChecked': '{{sender}} checked the address of source “{{source}}”; it is reachable.',
    'notice.connectionsCapped': 'Hookferry closed connections from {{address}}: it already had {{limit}} open at once.',
    'notice.saveFailed': 'An event could not be saved (the disk may be full). The sender was asked to send it again.',
  },
  vi: {
    'notice.eventFailed':
      'Một sự kiện ({{type}}{{ref}}) không gửi được đến “{{destination}}” và đang chờ bạn trong mục Lỗi gửi: {{cause}}',
    'notice.destinationFailing':
      '“{{destination}}” đang lỗi: {{cause}} Hookferry giữ các sự kiện và thử từng cái một cho đến khi nơi nhận trả lời.',
    'notice.destinationFailingNothingWaits':
      '“{{destination}}” đang lỗi: {{cause}} Hiện không có sự kiện nào chờ gửi đến nơi này; sự kiện tiếp theo sẽ thử lại. Muốn kiểm tra trước, hãy gửi sự kiện thử.',
    'notice.destinationFailingInFailed':
      '“{{destination}}” đang lỗi: {{cause}} Những gì nơi này chưa nhận đang chờ trong mục Lỗi gửi, và Hookferry không tự gửi lại: hãy gửi lại khi nơi nhận hoạt động trở lại.',
    'notice.destinationFailingPaused':
      '“{{destination}}” đang tạm dừng, và các lần thử gần nhất bị lỗi: {{cause}} Hookferry không gửi gì đến nơi này khi đang tạm dừng; sự kiện đến trong lúc đó vẫn được giữ lại.',
    'notice.destinationBack': '“{{destination}}” đã nhận sự kiện trở lại.',
    'notice.sourceSecretLost':
      'Không đọc được khóa bí mật của nguồn “{{source}}” (khóa dữ liệu đã đổi). Hãy nhập lại trong Nguồn.',
    'notice.destinationSecretLost':
      'Không đọc được các khóa bí mật của nơi nhận “{{destination}}” (khóa dữ liệu đã đổi). Hãy nhập lại trong Nơi nhận.',
    'notice.paused': 'Đã tạm dừng gửi. Sự kiện vẫn được nhận và lưu lại.',
    'notice.resumed': 'Đã tiếp tục gửi.',
    'notice.intakeMoved': 'Hookferry giờ nhận sự kiện tại {{url}}.',
    'notice.addressChecked': '{{sender}} đã kiểm tra địa chỉ của nguồn “{{source}}”; địa chỉ hoạt động.',
    'notice.connectionsCapped':
      'Hookferry đã đóng các kết nối từ {{address}}: địa chỉ này đã mở {{limit}} kết nối cùng lúc.',
    'notice.saveFailed': 'Không lưu được một sự kiện (ổ đĩa có thể đã đầy). Hookferry đã báo nơi gửi gửi lại sau.',
  },
};

export type NoticeCode = keyof (typeof noticeReasons)['en'];
