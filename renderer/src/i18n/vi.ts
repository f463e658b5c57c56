import type { Strings } from './en';

/** Tiếng Việt. */
export const vi: Strings = {
  app: { title: 'Hookferry', signedOut: 'Hãy mở bảng điều khiển từ địa chỉ Hookferry in ra khi khởi động (hoặc từ menu khay); đường dẫn đó sẽ tự đăng nhập.', offline: 'Bộ máy Hookferry không phản hồi. Nếu nó đã dừng, hãy khởi động lại; trang này sẽ tự kết nối lại.' },
  nav: { overview: 'Tổng quan', log: 'Nhật ký trực tiếp', failed: 'Lỗi gửi', destinations: 'Nơi nhận', sources: 'Nguồn', settings: 'Cài đặt' },
  status: { received: 'Đã lưu', pending: 'Đang gửi', delivered: 'Đã gửi', failed: 'Lỗi', rejected: 'Bị từ chối', delivering: 'Đang gửi ngay', retrying: 'Sẽ thử lại', skipped: 'Bỏ qua', discarded: 'Đã hủy', healthy: 'Ổn định', failing: 'Đang lỗi', paused: 'Tạm dừng' },
  common: { copy: 'Sao chép', copied: 'Đã chép', save: 'Lưu', saved: 'Đã lưu', cancel: 'Hủy', delete: 'Xóa', add: 'Thêm', close: 'Đóng', loading: 'Đang tải…', none: 'Không có', yes: 'Có', no: 'Không', all: 'Tất cả', secretSet: 'Đã lưu một giá trị. Nhập giá trị mới để thay thế.', secretUnset: 'Chưa đặt' },
  overview: {
    intake: 'Địa chỉ nhận webhook', intakeHelp: 'Dán địa chỉ này vào phần cài đặt webhook của máy POS hoặc cửa hàng.', tunnel: 'Địa chỉ cho nơi gửi bên ngoài cửa hàng',
    today: 'Hôm nay', hourly: 'Sự kiện mỗi giờ, 24 giờ qua', destinations: 'Nơi nhận', noDestinations: 'Chưa có nơi nhận. Thêm ở mục Nơi nhận để bắt đầu chuyển tiếp.',
    backlog: 'Đang chờ', failedCount: 'Lỗi', lastError: 'Lỗi gần nhất', successRate: 'Thành công (24 giờ)', p95: 'Thời gian p95', heldBy: 'Đang chờ sau sự kiện {{id}}', paused: 'Mọi lần gửi đang tạm dừng. Sự kiện vẫn được nhận và lưu.', resume: 'Tiếp tục gửi',
  },
  log: {
    filters: 'Bộ lọc', status: 'Trạng thái', source: 'Nguồn', destination: 'Nơi nhận', type: 'Loại sự kiện', search: 'Tìm', searchPlaceholder: 'Số hóa đơn, tên, mã sự kiện…', empty: 'Chưa có sự kiện. Hãy gửi một sự kiện từ máy POS, hoặc dùng “Gửi sự kiện thử” ở một nơi nhận.', noMatch: 'Không có sự kiện nào khớp bộ lọc.',
    time: 'Thời gian', summary: 'Tóm tắt', loadMore: 'Đang tải thêm…', newEvents: '{{count}} sự kiện mới — hiển thị',
  },
  drawer: {
    title: 'Sự kiện', headers: 'Tiêu đề (headers)', body: 'Nội dung', pretty: 'Đã định dạng', raw: 'Nguyên bản', deliveries: 'Các lần gửi', noDeliveries: 'Không có lần gửi nào.', resendAll: 'Gửi lại tất cả', resendOne: 'Gửi lại', discard: 'Hủy', copyCurl: 'Chép lệnh cURL', copyBody: 'Chép nội dung',
    attempt: 'Lần thử {{n}}', nextAttempt: 'Thử lại lúc {{time}}', heldBy: 'Đang chờ sau sự kiện {{id}} (nơi nhận gửi theo thứ tự).', reason: 'Lý do bị từ chối', duplicates: 'Nơi gửi đã gửi lại {{count}} lần nữa; Hookferry chỉ giữ một bản.', resent: 'Đã đưa vào hàng đợi gửi lại.',
  },
  failed: { title: 'Lần gửi bị lỗi', none: 'Không có lỗi. Mọi sự kiện đã đến nơi nhận.', resendAll: 'Gửi lại tất cả ({{count}})', discardAll: 'Hủy tất cả', progress: 'Đã gửi {{done}} / {{total}}', confirmDiscard: 'Hủy {{count}} lần gửi lỗi đến “{{name}}”? Chúng sẽ không được gửi.', events: '{{count}} sự kiện' },
  destinations: {
    title: 'Nơi nhận', add: 'Thêm nơi nhận', name: 'Tên', url: 'Địa chỉ (URL)', method: 'Phương thức', events: 'Sự kiện cần gửi', patterns: 'Mẫu sự kiện khác', patternsHelp: 'Mỗi dòng một mẫu, ví dụ order.* hoặc orders/create. * là tất cả.',
    everything: 'Tất cả (*)', sources: 'Chỉ từ các nguồn này', allSources: 'Mọi nguồn', headers: 'Tiêu đề bổ sung', headerName: 'Tiêu đề', headerValue: 'Giá trị', secret: 'Bí mật', addHeader: 'Thêm tiêu đề',
    signing: 'Khóa ký (Standard Webhooks)', signingHelp: 'whsec_… — để trống nếu không dùng.', removeSigning: 'Xóa khóa ký', bodyMode: 'Nội dung', bodyRaw: 'Như đã nhận', bodyJson: 'Dạng JSON',
    retry: 'Thử lại', maxAttempts: 'Tổng số lần thử', initialDelay: 'Thử lại lần đầu sau (giây)', multiplier: 'Sau đó nhân với', maxDelay: 'Chờ lâu nhất (phút)', schedule: 'Lịch: {{schedule}}',
    mode: 'Cách gửi', parallel: 'Song song', ordered: 'Theo thứ tự, từng cái một', concurrency: 'Cùng lúc', timeout: 'Thời gian chờ (giây)', paused: 'Tạm dừng', test: 'Gửi sự kiện thử', testOkZithara: 'Zithara đã chấp nhận client id và client secret ({{ms}} ms).', testOk: 'Nơi nhận trả lời {{status}} sau {{ms}} ms.', testFailed: 'Thử không thành công: {{error}}', confirmDelete: 'Xóa “{{name}}”? Các lần gửi đang chờ sẽ bị bỏ.',
    none: 'Chưa có nơi nhận.',
    kind: 'Loại', kinds: { webhook: 'Webhook (URL bất kỳ)', zithara: 'Zithara CRM' }, zitharaBase: 'Địa chỉ API Zithara', clientId: 'Client id', clientSecret: 'Client secret', countryCode: 'Mã quốc gia điện thoại', currency: 'Tiền tệ',
    zitharaHelp: 'Đơn hàng, khách hàng và giỏ hàng được chuyển sang định dạng của Zithara. Số điện thoại bắt đầu bằng 0 sẽ được thay số 0 bằng mã quốc gia (84 cho Việt Nam); để trống để gửi nguyên số.',
    transform: 'Chuyển đổi (không bắt buộc)', transformLabel: 'Biểu thức JSONata áp dụng cho nội dung trước khi gửi', jsonataHelp: 'Cách viết biểu thức JSONata', preview: 'Xem trước', previewOn: 'Trên sự kiện {{id}}:',
  },
  groups: { teamcrop: 'Teamcrop POS', magento: 'Magento', shopify: 'Shopify', woocommerce: 'WooCommerce' },
  sources: {
    title: 'Nguồn', add: 'Thêm nguồn', name: 'Tên', kind: 'Loại', intakeUrl: 'Địa chỉ nhận', regenerate: 'Tạo địa chỉ mới', confirmRegenerate: 'Tạo địa chỉ mới cho “{{name}}”? Địa chỉ cũ ngừng hoạt động ngay; hãy cập nhật máy POS.',
    verification: 'Xác thực', none: 'Không', hmac: 'Chữ ký (HMAC)', header: 'Tiêu đề bắt buộc', headerName: 'Tên tiêu đề', secret: 'Khóa bí mật', value: 'Giá trị', encoding: 'Mã hóa', guide: 'Hướng dẫn cài đặt', confirmDelete: 'Xóa nguồn “{{name}}”? Địa chỉ của nó sẽ ngừng hoạt động.',
    guides: {
      teamcrop: 'Trong Teamcrop: Bán hàng → Cài đặt bán hàng → Webhook → Thêm. Chọn nhóm sự kiện và sự kiện, dán địa chỉ nhận ở trên rồi lưu. Để bảo mật, thêm một tiêu đề tùy chỉnh trong Teamcrop (ví dụ X-Shop-Key với giá trị dài) và đặt cùng tiêu đề đó ở đây làm tiêu đề bắt buộc.',
      shopify: 'Trong trang quản trị Shopify: Cài đặt → Thông báo → Webhook → Tạo webhook. Dán địa chỉ nhận (qua đường hầm), chọn JSON, rồi chép khóa ký hiển thị ở đó vào mục Chữ ký tại đây.',
      woocommerce: 'Trong WordPress: WooCommerce → Cài đặt → Nâng cao → Webhooks → Thêm webhook. Dán địa chỉ nhận (qua đường hầm) vào Delivery URL và cùng khóa bí mật vào mục Chữ ký tại đây.',
      magento: 'Cấu hình mô-đun webhook của Magento gửi đến địa chỉ nhận, với tên sự kiện trong tiêu đề X-Magento-Event.',
      generic: 'Trỏ bất kỳ hệ thống nào có thể gọi URL đến địa chỉ nhận. Loại sự kiện được đọc từ các tiêu đề phổ biến (X-Event-Type, X-Webhook-Event, …) hoặc trường event/type/topic trong nội dung.',
    },
  },
  settings: {
    title: 'Cài đặt', general: 'Chung', network: 'Mạng', intakePort: 'Cổng nhận', adminPort: 'Cổng bảng điều khiển', restartNote: 'Cổng bảng điều khiển mới có hiệu lực ở lần khởi động sau.', lan: 'Nhận webhook từ thiết bị khác trong mạng cửa hàng', lanWarning: 'Khi đó mọi người trong mạng đều truy cập được địa chỉ nhận. Hãy bật xác thực cho từng nguồn.',
    publicUrl: 'Địa chỉ đường hầm (không bắt buộc)', retention: 'Giữ sự kiện đã gửi trong (ngày)', language: 'Ngôn ngữ', theme: 'Giao diện', themes: { system: 'Theo hệ thống', light: 'Sáng', dark: 'Tối' }, debug: 'Ghi nhật ký chi tiết (cho hỗ trợ)',
    config: 'Cấu hình', exportConfig: 'Xuất cấu hình', importConfig: 'Nhập cấu hình', importZithara: 'Hãy thêm lại {{names}} trong Nơi nhận kèm client secret của Zithara; tệp xuất không chứa nó.', desktop: 'Máy tính này', startAtLogin: 'Mở Hookferry khi đăng nhập (ở khay hệ thống, không mở cửa sổ)', openDataFolder: 'Mở thư mục dữ liệu', version: 'Hookferry {{version}}', importDone: 'Đã nhập {{sources}} nguồn và {{destinations}} nơi nhận. Hãy nhập lại các khóa bí mật.', exportEvents: 'Xuất sự kiện', csv: 'Bảng tính (CSV)', ndjson: 'Sao lưu đầy đủ (NDJSON)', deliveriesPaused: 'Tạm dừng mọi lần gửi',
  },
  schedule: { gaveUp: 'dừng sau {{total}}', once: 'thử một lần, không thử lại', minutes: '{{n}} phút', hours: '{{n}} giờ', seconds: '{{n}} giây', days: '{{n}} ngày' },
};
