/**
 * The dashboard's words for the public address (Settings → Public address, the Overview card, the
 * warning about unverified sources, the ngrok guide), in English and Vietnamese.
 *
 * Teamcrop retries 12 times, doubling from 1 minute: 1 + 2 + 4 + … + 2048 = 4095 minutes after the
 * first try, 68 h 15 min. If the first try is one of the 12, the last retry comes 2047 minutes
 * (34 h 7 min) after it. The guide says both, so a shopkeeper does not count on more than is sure.
 */
export const publicAddressText = {
  en: {
    title: 'Public address',
    help: 'Teamcrop, Shopify and most web shops send from the internet, and cannot reach this PC directly. A public address lets them.',
    modes: {
      off: 'None (only this PC or the shop’s network)',
      ngrok: 'ngrok (built in, free account)',
      own: 'My own tunnel or port forward',
    },
    savedInUse: 'Saved, and in use until you save another choice: {{mode}}',
    ownUrl: 'Public address of your tunnel',
    ownHint: 'Only the start, such as https://shop.example.com; Hookferry adds /in/… for each source.',
    authtoken: 'ngrok authtoken',
    domain: 'ngrok domain (recommended)',
    domainHint:
      'Your free dev domain from the ngrok dashboard, such as example-name.ngrok-free.dev. Empty: ngrok picks one.',
    forget: 'Forget the authtoken',
    save: 'Save public address',
    status: {
      off: 'off',
      connecting: 'connecting…',
      online: 'online',
      unverified: 'not reached from this PC',
      error: 'not working',
    },
    overview: {
      none: 'No public address: only this PC and the shop’s network can send to Hookferry. Teamcrop and web shops send from the internet.',
      noneThisPc:
        'No public address: only this PC can send to Hookferry. Teamcrop and web shops send from the internet.',
      setUp: 'Set up a public address',
      local: 'On this PC',
      connecting: 'Opening the public address…',
      notOnline:
        'Teamcrop and web shops reach this address only while the public address is online; until then they cannot send.',
      why: 'Why, and what to do',
    },
    unverified: {
      title: 'Anyone who learns this address can send to it',
      body: 'The source “{{name}}” takes requests from the internet without checking who sends them.',
      fix: 'Add a secret header',
      confirmTitle: 'Add a secret header now?',
      confirmBody:
        'From the moment you confirm, “{{name}}” refuses every request without the header: the till or shop sending to it now gets refused, and those orders are not received, until you add the header and its value in Teamcrop (or the sender). The value shows here once, to copy. Do it when you can update the sender right away.',
      confirm: 'Add it and refuse requests without it',
      doneTitle: 'Secret header added to “{{name}}”',
      doneBody:
        'In Teamcrop (Sales → Sales settings → Webhook → your webhook → custom headers) add this header. Requests without it are now refused. The value is shown only now: copy it before closing.',
      headerName: 'Header name',
      headerValue: 'Value',
      close: 'Done',
    },
    guide: {
      title: 'How to get a free ngrok address (5 minutes)',
      steps: [
        'Open ngrok.com and sign up for a free account (an e-mail address, or your Google or GitHub account).',
        'In the ngrok dashboard, open “Your Authtoken” (under Getting Started) and copy the authtoken.',
        'Open “Domains”: ngrok gives every account one free dev domain, such as example-name.ngrok-free.dev. Copy it. (If the page offers to create one, do so: it is free.)',
        'Here, choose “ngrok”, paste the authtoken and the domain, and press $t(publicAddress.save). The status turns “online” within a few seconds.',
        'On the Overview, copy the intake address (it starts with https:// and your domain) and paste it in Teamcrop: Sales → Sales settings → Webhook → Add.',
      ],
      planTitle: 'What the free plan allows',
      plan: 'One fixed domain that never changes; up to 20,000 requests and 1 GB of data a month (about 650 webhooks a day); up to 3 ngrok connections at once (Hookferry uses one). If the monthly limit is reached, ngrok refuses requests until the next month, and Hookferry says so here.',
      offTitle: 'When this PC is off',
      off: 'While this PC (or Hookferry) is off, no order reaches it; Teamcrop keeps each order and sends it again later. An order still arrives if this PC is back on within about a day and a half, at Teamcrop’s next try (which can be a few hours after the PC is back). To be safe, leave the PC on and let Hookferry start at login.',
      offWhyTitle: 'Why about a day and a half',
      offWhy:
        'Teamcrop tries again up to 12 times, waiting 1, 2, 4, 8 … minutes, twice as long each time: the 12 waits add up to 4,095 minutes (about 68 hours). If its first try counts as one of the 12, the last one comes 2,047 minutes (about 34 hours) after the order: so count on about a day and a half.',
      browser:
        'Opening the address in a browser shows an ngrok notice page first: that is normal on the free plan and does not affect webhooks.',
    },
  },
  vi: {
    title: 'Địa chỉ công khai',
    help: 'Teamcrop, Shopify và hầu hết các web bán hàng gửi dữ liệu từ internet, nên không tới thẳng máy tính này được. Địa chỉ công khai giúp chúng gửi tới được.',
    modes: {
      off: 'Không dùng (chỉ máy này hoặc mạng nội bộ cửa hàng)',
      ngrok: 'ngrok (có sẵn, tài khoản miễn phí)',
      own: 'Đường hầm hoặc chuyển tiếp cổng riêng của tôi',
    },
    savedInUse: 'Đã lưu và đang dùng, cho tới khi bạn lưu lựa chọn khác: {{mode}}',
    ownUrl: 'Địa chỉ công khai của đường hầm',
    ownHint: 'Chỉ phần đầu, ví dụ https://shop.example.com; Hookferry tự thêm /in/… cho từng nguồn.',
    authtoken: 'Authtoken ngrok',
    domain: 'Tên miền ngrok (nên có)',
    domainHint:
      'Tên miền dev miễn phí trong trang quản lý ngrok, ví dụ example-name.ngrok-free.dev. Để trống: ngrok tự chọn.',
    forget: 'Xóa authtoken',
    save: 'Lưu địa chỉ công khai',
    status: {
      off: 'tắt',
      connecting: 'đang kết nối…',
      online: 'đang hoạt động',
      unverified: 'chưa truy cập được từ máy này',
      error: 'không hoạt động',
    },
    overview: {
      none: 'Chưa có địa chỉ công khai: chỉ máy này và mạng nội bộ cửa hàng gửi được tới Hookferry. Teamcrop và các web bán hàng gửi từ internet.',
      noneThisPc:
        'Chưa có địa chỉ công khai: chỉ chính máy này gửi được tới Hookferry. Teamcrop và các web bán hàng gửi từ internet.',
      setUp: 'Thiết lập địa chỉ công khai',
      local: 'Trên máy này',
      connecting: 'Đang mở địa chỉ công khai…',
      notOnline:
        'Teamcrop và các web bán hàng chỉ gửi được tới địa chỉ này khi địa chỉ công khai đang hoạt động; trước lúc đó chúng không gửi được.',
      why: 'Lý do và cách khắc phục',
    },
    unverified: {
      title: 'Ai biết địa chỉ này cũng gửi tới được',
      body: 'Nguồn “{{name}}” nhận yêu cầu từ internet mà không kiểm tra ai gửi.',
      fix: 'Thêm trường tiêu đề bí mật',
      confirmTitle: 'Thêm trường tiêu đề bí mật ngay?',
      confirmBody:
        'Ngay khi bạn xác nhận, “{{name}}” từ chối mọi yêu cầu không có trường này: máy bán hàng hoặc cửa hàng đang gửi tới nó sẽ bị từ chối và các đơn đó không được nhận, cho đến khi bạn nhập tên trường và giá trị vào Teamcrop (hoặc nơi gửi). Giá trị chỉ hiện ở đây một lần để sao chép. Hãy làm khi bạn cập nhật được nơi gửi ngay.',
      confirm: 'Thêm và từ chối yêu cầu thiếu nó',
      doneTitle: 'Đã thêm trường tiêu đề bí mật cho “{{name}}”',
      doneBody:
        'Trong Teamcrop (“Bán hàng → Cài đặt bán hàng → Webhook”, mở mục bạn đã thêm, phần tiêu đề tùy chỉnh, có thể ghi là “header”) hãy thêm trường tiêu đề này. Từ giờ các yêu cầu không có nó sẽ bị từ chối. Giá trị chỉ hiện lần này: hãy sao chép trước khi đóng.',
      headerName: 'Tên trường tiêu đề (header)',
      headerValue: 'Giá trị',
      close: 'Xong',
    },
    guide: {
      title: 'Cách lấy địa chỉ ngrok miễn phí (5 phút)',
      steps: [
        'Mở ngrok.com và đăng ký tài khoản miễn phí (bằng email, hoặc tài khoản Google hay GitHub).',
        'Trong trang quản lý ngrok, mở “Your Authtoken” (mục Getting Started) và sao chép authtoken.',
        'Mở “Domains”: mỗi tài khoản ngrok có sẵn một tên miền dev miễn phí, ví dụ example-name.ngrok-free.dev. Hãy sao chép nó. (Nếu trang đề nghị tạo tên miền, hãy tạo: miễn phí.)',
        'Tại đây, chọn “ngrok”, dán authtoken và tên miền, rồi bấm $t(publicAddress.save). Trạng thái chuyển sang “đang hoạt động” sau vài giây.',
        'Ở trang Tổng quan, sao chép địa chỉ nhận (bắt đầu bằng https:// và tên miền của bạn) rồi dán vào Teamcrop: “Bán hàng → Cài đặt bán hàng → Webhook → Thêm”.',
      ],
      planTitle: 'Gói miễn phí cho phép gì',
      plan: 'Một tên miền cố định không bao giờ đổi; tối đa 20.000 yêu cầu và 1 GB dữ liệu mỗi tháng (khoảng 650 sự kiện mỗi ngày); tối đa 3 kết nối ngrok cùng lúc (Hookferry dùng một). Nếu hết hạn mức tháng, ngrok từ chối yêu cầu cho đến tháng sau, và Hookferry sẽ báo tại đây.',
      offTitle: 'Khi máy tính này tắt',
      off: 'Khi máy này (hoặc Hookferry) tắt, đơn hàng không tới được; Teamcrop giữ đơn và gửi lại sau. Đơn hàng vẫn đến nếu máy bật lại trong khoảng một ngày rưỡi, ở lần gửi lại kế tiếp của Teamcrop (có thể vài giờ sau khi máy bật lại). Để chắc chắn, hãy để máy luôn bật và cho Hookferry khởi động cùng máy.',
      offWhyTitle: 'Vì sao khoảng một ngày rưỡi',
      offWhy:
        'Teamcrop gửi lại tối đa 12 lần, chờ 1, 2, 4, 8 … phút, mỗi lần gấp đôi: 12 lần chờ cộng lại là 4.095 phút (khoảng 68 giờ). Nếu lần gửi đầu được tính là một trong 12 lần, lần gửi lại cuối cùng đến sau 2.047 phút (khoảng 34 giờ) kể từ khi có đơn: vì vậy hãy tính khoảng một ngày rưỡi.',
      browser:
        'Khi mở địa chỉ này bằng trình duyệt, ngrok sẽ hiện một trang thông báo trước: điều này bình thường với gói miễn phí và không ảnh hưởng tới việc nhận sự kiện.',
    },
  },
};
