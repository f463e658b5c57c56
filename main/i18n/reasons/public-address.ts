/**
 * What the public address (Settings → Public address) says when it cannot open, in English and
 * Vietnamese. Each sentence says what happened and what to do; `{{param}}` is filled by i18next.
 */
export const publicAddressReasons = {
  en: {
    'public-address-no-authtoken':
      'ngrok needs your authtoken. Paste it in Settings → Public address (dashboard.ngrok.com → Your Authtoken).',
    'public-address-key-lost':
      'The saved ngrok authtoken could not be read (the data key changed). Paste it again in Settings → Public address.',
    'public-address-authtoken':
      'ngrok did not accept the authtoken ({{ngrokCode}}). Copy it again from dashboard.ngrok.com → Your Authtoken and paste it in Settings → Public address.',
    'public-address-domain':
      'The domain {{domain}} is not on this ngrok account ({{ngrokCode}}). Copy your domain from dashboard.ngrok.com → Domains, or leave the domain empty.',
    'public-address-in-use':
      'The address {{domain}} is already online from another computer or program ({{ngrokCode}}). Stop ngrok there; Hookferry keeps trying and connects once it is free.',
    'public-address-plan-limit':
      'Your ngrok plan’s limit is reached ({{ngrokCode}}). Stop ngrok on your other computers, or wait for the monthly limit to reset; Hookferry keeps trying.',
    'public-address-offline':
      'Hookferry cannot reach ngrok: this computer seems to have no internet. Senders in the cloud cannot reach the shop until it is back; Hookferry keeps trying by itself.',
    'public-address-unavailable':
      'The ngrok module could not be loaded on this computer ({{detail}}). Use your own tunnel address instead, or reinstall Hookferry.',
    'public-address-failed': 'ngrok could not open the public address: {{detail}} Hookferry keeps trying by itself.',
    'public-address-own-unreached':
      'Hookferry could not reach itself at {{url}} from this PC ({{why}}). Check that your tunnel runs and forwards to port {{port}} of this PC. With port forwarding on the router, a check from inside the shop may fail while senders outside get through: open {{url}}/healthz on a phone using mobile data; the page should show {"ok":true}. Hookferry checks again every minute.',
    'public-address-why-not-found': 'no such name was found: check how the address is spelled',
    'public-address-why-refused': 'nothing answered there',
    'public-address-why-timeout': 'no answer within 10 seconds',
    'public-address-why-cut': 'the connection was cut',
    'public-address-why-certificate': 'its security certificate was not accepted; check also this PC’s date and time',
    'public-address-why-other': 'the connection failed',
    'public-address-own-other':
      'Something other than this Hookferry answers at {{url}}. Point your tunnel or port forward to port {{port}} of this PC. Hookferry checks again every minute.',
  },
  vi: {
    'public-address-no-authtoken':
      'ngrok cần authtoken của bạn. Hãy dán nó vào Cài đặt → Địa chỉ công khai (dashboard.ngrok.com → Your Authtoken).',
    'public-address-key-lost':
      'Không đọc được authtoken ngrok đã lưu (khóa dữ liệu đã thay đổi). Hãy dán lại vào Cài đặt → Địa chỉ công khai.',
    'public-address-authtoken':
      'ngrok không chấp nhận authtoken ({{ngrokCode}}). Hãy sao chép lại từ dashboard.ngrok.com → Your Authtoken và dán vào Cài đặt → Địa chỉ công khai.',
    'public-address-domain':
      'Tên miền {{domain}} không thuộc tài khoản ngrok này ({{ngrokCode}}). Hãy sao chép tên miền của bạn từ dashboard.ngrok.com → Domains, hoặc để trống ô tên miền.',
    'public-address-in-use':
      'Địa chỉ {{domain}} đang được một máy tính hoặc chương trình khác sử dụng ({{ngrokCode}}). Hãy tắt ngrok ở đó; Hookferry sẽ tự thử lại và kết nối khi địa chỉ được giải phóng.',
    'public-address-plan-limit':
      'Đã hết hạn mức của gói ngrok ({{ngrokCode}}). Hãy tắt ngrok trên các máy khác, hoặc chờ hạn mức tháng được làm mới; Hookferry sẽ tự thử lại.',
    'public-address-offline':
      'Hookferry không kết nối được tới ngrok: máy tính này có vẻ không có internet. Các hệ thống trên mạng không gửi được tới cửa hàng cho đến khi có mạng lại; Hookferry sẽ tự thử lại.',
    'public-address-unavailable':
      'Không tải được mô-đun ngrok trên máy tính này ({{detail}}). Hãy dùng địa chỉ đường hầm riêng của bạn, hoặc cài lại Hookferry.',
    'public-address-failed': 'ngrok không mở được địa chỉ công khai: {{detail}} Hookferry sẽ tự thử lại.',
    'public-address-own-unreached':
      'Từ máy này, Hookferry không tự truy cập được {{url}} ({{why}}). Hãy kiểm tra đường hầm đang chạy và chuyển tới cổng {{port}} của máy này. Nếu dùng chuyển cổng (port forwarding) trên router, việc kiểm tra từ trong cửa hàng có thể thất bại dù bên ngoài vẫn gửi tới được: hãy mở {{url}}/healthz trên điện thoại dùng dữ liệu di động; trang phải hiện {"ok":true}. Hookferry sẽ kiểm tra lại mỗi phút.',
    'public-address-why-not-found': 'không tìm thấy tên miền này: hãy kiểm tra lại cách viết địa chỉ',
    'public-address-why-refused': 'không có gì trả lời tại đó',
    'public-address-why-timeout': 'không có trả lời trong 10 giây',
    'public-address-why-cut': 'kết nối bị ngắt giữa chừng',
    'public-address-why-certificate':
      'chứng chỉ bảo mật của nó không được chấp nhận; hãy kiểm tra cả ngày giờ của máy này',
    'public-address-why-other': 'kết nối không thành công',
    'public-address-own-other':
      'Tại {{url}} có một máy chủ khác trả lời, không phải Hookferry này. Hãy trỏ đường hầm hoặc chuyển cổng tới cổng {{port}} của máy này. Hookferry sẽ kiểm tra lại mỗi phút.',
  },
} as const;

export type PublicAddressReasonCode = keyof (typeof publicAddressReasons)['en'];
