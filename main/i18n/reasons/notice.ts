/**
 * What the engine tells the open dashboards (a banner) and the log, in English and Vietnamese.
 * `{{cause}}` is another reason (why a delivery failed), translated on its own first.
 */
export const noticeReasons = {
  en: {
    'notice.eventFailed':
      'An event ({{type}}{{ref}}) could not be delivered to “{{destination}}” and waits for you in Failed: {{cause}}',
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
