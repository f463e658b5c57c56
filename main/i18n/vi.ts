import type { Strings } from './en';
import { adminReasons } from './reasons/admin.js';

/** Tiếng Việt. */
export const vi: Strings = {
  app: {
    title: 'Hookferry',
    failedTotal_one: 'Tổng cộng {{count}} sự kiện đang chờ bạn trong mục Lỗi gửi.',
    failedTotal_other: 'Tổng cộng {{count}} sự kiện đang chờ bạn trong mục Lỗi gửi.',
    signedOut:
      'Hãy mở bảng điều khiển từ địa chỉ Hookferry in ra khi khởi động (hoặc từ menu khay); đường dẫn đó sẽ tự đăng nhập.',
    expired:
      'Liên kết đăng nhập này đã hết hạn: Hookferry đã khởi động lại, hoặc liên kết là từ lần chạy trước. Hãy mở lại bảng điều khiển từ khay hệ thống (Mở Hookferry), hoặc bằng địa chỉ Dashboard mà Hookferry in ra khi khởi động.',
    notRunning: 'Hookferry không chạy. Hãy khởi động lại (ứng dụng máy tính tự khởi động lại), rồi thử lại.',
    offline:
      'Chương trình Hookferry không phản hồi. Nếu nó đã dừng, hãy khởi động lại; trang này sẽ tự kết nối lại. Nếu bạn đã đổi cổng bảng điều khiển trong Cài đặt, trang này không theo được: hãy mở lại bảng điều khiển từ Hookferry (địa chỉ in ra lúc khởi động, hoặc menu ở khay hệ thống).',
    intakePortRefused:
      'Lần khởi động này Hookferry không mở được cổng nhận {{port}} ({{why}}), nên tạm nhận ở cổng {{actual}}: nơi gửi nào dùng địa chỉ cũ sẽ không tới được. Hãy tắt chương trình kia rồi khởi động lại Hookferry, hoặc chọn cổng nhận khác trong Cài đặt và đưa địa chỉ mới cho từng nơi gửi.',
    adminPortRefused:
      'Lần khởi động này Hookferry không mở được cổng bảng điều khiển {{port}} ({{why}}), nên bảng điều khiển tạm dùng cổng {{actual}}. Hãy chọn cổng bảng điều khiển khác trong Cài đặt.',
    portWhyOther: 'hệ thống báo {{code}}',
    portWhy: {
      EADDRINUSE: 'một chương trình khác đang dùng cổng này',
      EACCES: 'máy này không cho phép',
    },
    diskFull:
      'Ổ đĩa chứa dữ liệu của Hookferry đã đầy. Đơn hàng mới có thể bị từ chối cho đến khi có chỗ trống (nơi gửi sẽ gửi lại sau); mọi thứ đã nhận vẫn được giữ nguyên. Hãy giải phóng bớt dung lượng ổ đĩa: Hookferry sẽ tự nhận đơn trở lại.',
  },
  failingBanner: {
    isFailing: '“{{name}}” đang lỗi.',
    isPaused: '“{{name}}” đang tạm dừng, và lần thử gần nhất bị lỗi.',
    isPausedAll: 'Lần thử gần nhất tới “{{name}}” bị lỗi, và mọi lần gửi đang tạm dừng.',
    retryingAt: 'Hookferry vẫn tự thử lại: lần thử tiếp theo lúc {{time}}.',
    retryingNow: 'Hookferry đang thử gửi đến nơi này.',
    alsoFailed_one: '{{count}} sự kiện khác đang chờ bạn trong mục Lỗi gửi.',
    alsoFailed_other: '{{count}} sự kiện khác đang chờ bạn trong mục Lỗi gửi.',
    notRetried_one:
      'Hookferry sẽ không tự thử lại nữa: {{count}} sự kiện đang chờ trong mục Lỗi gửi. Hãy sửa nguyên nhân, rồi bấm Gửi lại.',
    notRetried_other:
      'Hookferry sẽ không tự thử lại nữa: {{count}} sự kiện đang chờ trong mục Lỗi gửi. Hãy sửa nguyên nhân, rồi bấm Gửi lại.',
    waitsInFailed_one: '{{count}} sự kiện đang chờ trong mục Lỗi gửi.',
    waitsInFailed_other: '{{count}} sự kiện đang chờ trong mục Lỗi gửi.',
    waitsBelow_one: '{{count}} sự kiện của nơi này đang chờ trong danh sách bên dưới.',
    waitsBelow_other: '{{count}} sự kiện của nơi này đang chờ trong danh sách bên dưới.',
    alsoFailedBelow_one: '{{count}} sự kiện khác đang chờ bạn trong danh sách bên dưới.',
    alsoFailedBelow_other: '{{count}} sự kiện khác đang chờ bạn trong danh sách bên dưới.',
    notRetriedBelow_one:
      'Hookferry sẽ không tự thử lại nữa: hãy sửa nguyên nhân, rồi gửi lại {{count}} sự kiện của nơi này trong danh sách bên dưới.',
    notRetriedBelow_other:
      'Hookferry sẽ không tự thử lại nữa: hãy sửa nguyên nhân, rồi gửi lại {{count}} sự kiện của nơi này trong danh sách bên dưới.',
    paused: 'Hookferry không gửi gì đến nơi này khi đang tạm dừng; sự kiện đến trong lúc đó vẫn được giữ lại.',
    pausedAll:
      'Hookferry không gửi gì cho đến khi bạn tiếp tục mọi lần gửi (trong Cài đặt hoặc trên khay); sự kiện đến trong lúc đó vẫn được giữ lại.',
    latest: 'Sự kiện lỗi gần nhất: {{event}}.',
    why: 'Lý do:',
    onCard: 'xem trên thẻ của nơi nhận này bên dưới',
    details: 'Đọc hết',
    less: 'Thu gọn',
    more_one: 'Thêm {{count}} nơi nhận đang lỗi: {{names}}.',
    more_other: 'Thêm {{count}} nơi nhận đang lỗi: {{names}}.',
    allShown_one: '{{count}} nơi nhận đang lỗi.',
    allShown_other: '{{count}} nơi nhận đang lỗi.',
    showAll: 'Hiện tất cả',
    showFewer: 'Ẩn bớt',
  },
  /** A source refusing what it is sent (Stats.refusingSources): on the Overview and on its card. */
  refusingSource: {
    title: 'Hookferry đang từ chối những gì “{{name}}” gửi tới:',
    count_one: '{{count, number}} yêu cầu bị từ chối trong {{hours}} giờ qua, và từ đó chưa nhận được yêu cầu nào.',
    count_other: '{{count, number}} yêu cầu bị từ chối trong {{hours}} giờ qua, và từ đó chưa nhận được yêu cầu nào.',
    latest: 'Lần gần nhất, lúc {{time}}:',
    lost: 'Những gì bị từ chối không có trong Hookferry: sửa xong, hãy gửi lại các đơn đó từ nơi gửi.',
    openSource: 'Mở nguồn này',
    seeRefusals: 'Xem những gì bị từ chối',
  },
  fields: {
    too_small_string: 'Nhập ít nhất {{minimum}} ký tự.',
    too_small_number: 'Giá trị nhỏ nhất là {{minimum}}.',
    too_small_array: 'Chọn ít nhất {{minimum}} mục.',
    too_big_string: 'Nhập tối đa {{maximum}} ký tự.',
    too_big_number: 'Giá trị lớn nhất là {{maximum}}.',
    too_big_array: 'Chọn tối đa {{maximum}} mục.',
    invalid_format: 'Giá trị không đúng định dạng.',
    invalid_type: 'Giá trị không hợp lệ.',
    invalid_value: 'Hãy chọn một trong các giá trị có sẵn.',
    custom_required: 'Hãy điền mục này.',
    custom_header_value: 'Nhập giá trị cho trường tiêu đề {{name}}.',
    custom_header_framing:
      'Hãy bỏ trường tiêu đề {{name}}: trường này quy định chính yêu cầu gửi đi (độ dài, cách mã hóa, kết nối), một giá trị sai làm nơi nhận chỉ nhận được một phần đơn hàng. Hookferry tự ghi trường này cho đúng.',
    custom_header_hookferry:
      'Hãy bỏ trường tiêu đề {{name}}: Hookferry tự đặt trường này cho mỗi đơn hàng (nơi nhận dùng nó để phân biệt các đơn và kiểm tra đơn đúng là do bạn gửi).',
    custom_url_secret:
      'Hookferry chưa có giá trị {{name}} trong địa chỉ này (giá trị được giấu thành [đã ẩn]): hãy điền giá trị vào chỗ đó.',
    custom_secret_needed:
      'Nhập một giá trị (tự đặt, hoặc bấm Tạo ngẫu nhiên) rồi nhập đúng giá trị đó ở nơi gửi, hoặc chọn Xác thực: Không.',
    custom_public_url_nearby:
      '{{host}} là địa chỉ của chính máy này hoặc của mạng trong cửa hàng: Shopify hay POS trên mạng không gửi đến được, nên chưa có gì được lưu. Hãy nhập địa chỉ công khai mà đường hầm hoặc bộ định tuyến của bạn cấp (ví dụ https://shop.example.com), hoặc dùng ngrok.',
    custom_name_taken_source:
      'Đã có một nguồn tên “{{name}}”. Hãy chọn tên khác để phân biệt hai nguồn trong nhật ký trực tiếp và trong tệp cấu hình (tệp này khớp các nguồn theo tên).',
    custom_name_taken_destination:
      'Đã có một nơi nhận tên “{{name}}”. Hãy chọn tên khác để phân biệt hai nơi nhận trên các thẻ và trong tệp cấu hình (tệp này khớp các nơi nhận theo tên).',
    custom_host_unavailable:
      'Máy tính này không có địa chỉ {{host}}, nên không ai gửi được đến Hookferry ở đó. Chưa có gì được lưu. Hãy dùng 127.0.0.1 (chỉ máy này) hoặc 0.0.0.0 (mọi thiết bị trong mạng cửa hàng): ô “Nhận sự kiện từ thiết bị khác trong mạng cửa hàng” trong Cài đặt chọn một trong hai.',
    custom_port_in_use:
      'Một chương trình khác trên máy này đang dùng cổng {{port}}, nên Hookferry không nhận được ở cổng đó. Chưa có gì được lưu, Hookferry giữ nguyên các cổng đang dùng. Hãy chọn cổng khác, từ 1024 đến 65535.',
    custom_port_not_allowed:
      'Máy này không cho Hookferry mở cổng {{port}} (các cổng dưới 1024 dành cho hệ thống). Chưa có gì được lưu, Hookferry giữ nguyên các cổng đang dùng. Hãy chọn cổng từ 1024 đến 65535, ví dụ 8780.',
    custom_same_ports: adminReasons.vi['admin.samePorts'],
    custom_port_unavailable:
      'Hookferry không mở được cổng {{port}} ({{code}}). Chưa có gì được lưu, Hookferry giữ nguyên các cổng đang dùng. Hãy chọn cổng khác, từ 1024 đến 65535.',
    custom_transform: 'Biểu thức chuyển đổi có lỗi: {{message}}. Hãy sửa trước khi lưu.',
    custom_transformAt: 'Biểu thức chuyển đổi có lỗi (tại ký tự {{position}}): {{message}}. Hãy sửa trước khi lưu.',
    custom_transformAtLine:
      'Biểu thức chuyển đổi có lỗi (tại dòng {{line}}, cột {{column}}): {{message}}. Hãy sửa trước khi lưu.',
    custom_transformCheckTooLong:
      'Hookferry không đọc xong biểu thức chuyển đổi này trong {{seconds}} giây nên chưa lưu gì: biểu thức quá dài hoặc quá rối. Hãy viết ngắn hơn hoặc đơn giản hơn, rồi lưu lại.',
    custom_transformCheckTooBig:
      'Việc đọc biểu thức chuyển đổi này cần hơn {{mb}} MB bộ nhớ được phép dùng nên chưa lưu gì. Hãy viết ngắn hơn hoặc đơn giản hơn, rồi lưu lại.',
    custom_transformUnchecked: 'Hookferry chưa kiểm tra được biểu thức chuyển đổi này nên chưa lưu gì. Hãy lưu lại.',
  },
  nav: {
    overview: 'Tổng quan',
    log: 'Nhật ký trực tiếp',
    failed: 'Lỗi gửi',
    destinations: 'Nơi nhận',
    sources: 'Nguồn',
    settings: 'Cài đặt',
  },
  status: {
    received: 'Đã lưu, không gửi',
    pending: 'Đang gửi',
    delivered: 'Đã gửi',
    partlyDelivered: 'Gửi được một phần',
    partlyDiscarded: 'Đã bỏ một phần',
    /** Said on hover where the badge's short name shows. */
    partlyDiscardedLong: 'Gửi được một phần (phần còn lại đã bỏ)',
    failed: 'Lỗi',
    rejected: 'Bị từ chối',
    delivering: 'Đang gửi ngay',
    retrying: 'Sẽ thử lại',
    skipped: 'Bỏ qua',
    discarded: 'Đã bỏ',
    untried: 'Chưa gửi gì',
    healthy: 'Hoạt động tốt',
    failing: 'Đang lỗi',
    lastTryFailed: 'Lần thử gần nhất bị lỗi',
    paused: 'Đang tạm dừng',
  },
  attemptCategory: {
    delivered: 'đã gửi',
    http: 'nơi nhận báo lỗi',
    network: 'không kết nối được',
    timeout: 'không trả lời trong',
    gone: 'không còn tồn tại',
    invalid: 'không gửi được',
    skipped: 'bỏ qua',
    interrupted: 'bị ngắt khi Hookferry dừng',
    busy: 'Hookferry đang bận',
  },
  changedElsewhere: {
    said_one:
      'Trong lúc bạn sửa, {{fields}} đã được thay đổi ở nơi khác (ở cửa sổ khác, từ khay hệ thống hoặc bởi chương trình khác). Bấm Lưu sẽ ghi những gì bạn nhập ở đây đè lên thay đổi đó.',
    said_other:
      'Trong lúc bạn sửa, {{fields}} đã được thay đổi ở nơi khác (ở cửa sổ khác, từ khay hệ thống hoặc bởi chương trình khác). Bấm Lưu sẽ ghi những gì bạn nhập ở đây đè lên thay đổi đó.',
    takeSaved: 'Dùng giá trị đã lưu',
    other: 'một cài đặt khác',
  },
  common: {
    redacted: '[đã ẩn]',
    copy: 'Sao chép',
    copied: 'Đã chép',
    save: 'Lưu',
    saved: 'Đã lưu',
    cancel: 'Hủy',
    delete: 'Xóa',
    add: 'Thêm',
    close: 'Đóng',
    loading: 'Đang tải…',
    none: 'Không có',
    yes: 'Có',
    no: 'Không',
    all: 'Tất cả',
    secretSet: 'Đã lưu; nhập để thay',
    secretUnset: 'Chưa đặt',
    lastRead: 'Đây là những gì đọc được lần cuối, lúc {{time}}: có thể đã cũ cho tới khi Hookferry trả lời lại.',
  },
  overview: {
    intake: 'Địa chỉ nhận sự kiện',
    intakeHelp: 'Dán địa chỉ này vào mục “Webhook” trong cài đặt của máy POS hoặc cửa hàng.',
    intakeNotYet:
      'Đây là địa chỉ cần dán vào mục “Webhook” trong cài đặt của máy POS hoặc cửa hàng, khi địa chỉ công khai bên dưới báo đang hoạt động.',
    intakeThisPcOnly:
      'Địa chỉ này chỉ dùng được trên chính máy này. Để máy POS trong mạng cửa hàng gửi được, hãy chọn “Nhận sự kiện từ thiết bị khác trong mạng cửa hàng” trong Cài đặt. Teamcrop và web bán hàng gửi từ internet: hãy thiết lập địa chỉ công khai trước (bên dưới); khi đó ô này sẽ hiện địa chỉ cần dán.',
    intakeLocalOnly:
      'Địa chỉ này chỉ dùng được trên máy này và mạng nội bộ cửa hàng. Teamcrop và web bán hàng gửi từ internet: hãy thiết lập địa chỉ công khai trước (bên dưới); khi đó ô này sẽ hiện địa chỉ cần dán.',
    today: 'Hôm nay',
    todayTotal_one:
      'Hôm nay nhận {{count, number}} sự kiện (theo giờ máy này), mỗi sự kiện được tính một lần theo những gì đã xảy ra với nó. Yêu cầu bị từ chối khi đến không tính vào đây: chúng được đếm riêng, ở mục Bị từ chối. Trỏ chuột vào một con số để xem nó đếm gì.',
    todayTotal_other:
      'Hôm nay nhận {{count, number}} sự kiện (theo giờ máy này), mỗi sự kiện được tính một lần theo những gì đã xảy ra với nó. Yêu cầu bị từ chối khi đến không tính vào đây: chúng được đếm riêng, ở mục Bị từ chối. Trỏ chuột vào một con số để xem nó đếm gì.',
    todayName: {
      delivered: 'Đã gửi',
      partlyDelivered: 'Gửi được một phần (lỗi ở nơi khác)',
      partlyDiscarded: 'Đã bỏ một phần',
      pending: 'Đang gửi',
      failed: 'Lỗi ở mọi nơi nhận',
      received: 'Đã lưu, không gửi',
      rejected: 'Bị từ chối',
      discarded: 'Đã bỏ',
      skipped: 'Bỏ qua',
    },
    todayMeans: {
      delivered:
        'Đã gửi đến mọi nơi nhận cần nó (nơi nhận cố ý bỏ qua một sự kiện, như Zithara bỏ qua đơn khách vãng lai, thì không tính).',
      partlyDelivered:
        'Đã gửi đến một số nơi nhận nhưng lỗi ở nơi khác: phần lỗi đang chờ bạn trong mục Lỗi gửi, nơi đếm cả những sự kiện này lẫn những sự kiện lỗi ở mọi nơi nhận.',
      pending:
        'Đang trên đường: đang gửi, hoặc chờ thử lại hay chờ nơi nhận đang tạm dừng. Có thể một số nơi nhận đã có nó, hoặc đã gửi lỗi (phần lỗi đang chờ bạn trong mục Lỗi gửi).',
      failed:
        'Chưa nơi nhận nào có nó và không nơi nào còn đang gửi: gửi bị lỗi ở mọi nơi nhận, và đang chờ bạn trong mục Lỗi gửi.',
      received:
        'Đã lưu, nhưng không gửi: lúc sự kiện đến, chưa có nơi nhận nào nhận loại sự kiện này. Nơi nhận được thêm hoặc sửa sau đó không tự nhận nó: thẻ của nơi nhận đó trong mục Nơi nhận sẽ đề nghị gửi nó tới đó, cùng các sự kiện tới trước khác.',
      rejected:
        'Yêu cầu bị từ chối khi đến (ví dụ sai khóa hay chữ ký, hoặc nội dung không đúng như nơi gửi vẫn gửi): không được nhận, nên không tính vào các con số bên cạnh; được lưu trong Nhật ký trực tiếp để xem, không bao giờ gửi.',
      partlyDiscarded:
        'Đã gửi đến một số nơi nhận; bạn đã bỏ việc gửi nó đến những nơi còn lại: không còn gì của nó phải chờ.',
      discarded: 'Bạn đã bỏ nó (hoặc nơi nhận của nó đã bị xóa): sẽ không gửi.',
      skipped: 'Mọi nơi nhận đều bỏ qua nó vì không cần đến nó (ví dụ Zithara và một sự kiện tồn kho).',
    },
    hourly: 'Sự kiện mỗi giờ, 24 giờ qua',
    hourlyEmpty: 'Chưa có sự kiện nào trong 24 giờ qua. Sự kiện sẽ hiện ở đây theo từng giờ khi đến.',
    destinations: 'Nơi nhận',
    noDestinations: 'Chưa có nơi nhận: chưa chuyển tiếp gì.',
    addDestination: 'Thêm nơi nhận',
    backlog: 'Đang chờ',
    failedCount: 'Lỗi',
    lastErrorAt: 'Lỗi gần nhất, lúc {{time}}',
    lastTryFailedNothingWaits:
      'Lần thử gần nhất, lúc {{time}}, bị lỗi (trỏ chuột vào dòng này để xem lý do). Hiện không có sự kiện nào chờ gửi đến nơi này, nên không có gì để gửi lại: sự kiện tiếp theo sẽ thử lại. Muốn kiểm tra trước, hãy gửi sự kiện thử.',
    earlierErrorTested:
      'Lỗi trước đó, lúc {{time}}; hiện không còn sự kiện nào chờ, và một sự kiện thử sau đó đã thành công.',
    earlierErrorAt: 'Lỗi trước đó, lúc {{time}}; lần gửi gần nhất sau lỗi đó đã thành công.',
    earlierErrorRetryAt:
      'Lỗi trước đó, lúc {{time}}; lần gửi gần nhất sau lỗi đó đã thành công, còn sự kiện bị lỗi khi đó sẽ được thử lại lúc {{next}}.',
    earlierErrorRetry:
      'Lỗi trước đó, lúc {{time}}; lần gửi gần nhất sau lỗi đó đã thành công, còn sự kiện bị lỗi khi đó đang chờ lần thử tiếp theo.',
    failedWaiting_one:
      '{{count}} sự kiện chưa gửi được tới ít nhất một nơi nhận và đang chờ bạn trong mục Lỗi gửi: Hookferry không tự gửi lại; hãy bấm Gửi lại, hoặc Bỏ nếu không cần gửi nữa.',
    failedWaiting_other:
      '{{count}} sự kiện chưa gửi được tới ít nhất một nơi nhận và đang chờ bạn trong mục Lỗi gửi: Hookferry không tự gửi lại; hãy bấm Gửi lại, hoặc Bỏ nếu không cần gửi nữa.',
    openFailed: 'Mở Lỗi gửi',
    heldBehindFailed_one:
      '{{count}} lần gửi đang chờ sau một sự kiện lỗi ở {{names}}, nơi nhận sự kiện đúng theo thứ tự: lần gửi này không tự được gửi, chỉ được gửi khi sự kiện lỗi đó được gửi lại từ mục Lỗi gửi và gửi được, hoặc bị bỏ ở đó.',
    heldBehindFailed_other:
      '{{count}} lần gửi đang chờ sau một sự kiện lỗi ở {{names}}, nơi nhận sự kiện đúng theo thứ tự: các lần gửi này không tự được gửi, chỉ được gửi khi sự kiện lỗi đó được gửi lại từ mục Lỗi gửi và gửi được, hoặc bị bỏ ở đó.',
    heldBehindFailedPaused_one:
      '{{count}} lần gửi đang chờ sau một sự kiện lỗi ở {{names}}, nơi nhận sự kiện đúng theo thứ tự và đang tạm dừng: lần gửi này không tự được gửi, chỉ được gửi khi bạn tiếp tục {{names}} và sự kiện lỗi đó, được gửi lại từ mục Lỗi gửi, gửi được, hoặc khi nó bị bỏ ở đó.',
    heldBehindFailedPaused_other:
      '{{count}} lần gửi đang chờ sau một sự kiện lỗi ở {{names}}, nơi nhận sự kiện đúng theo thứ tự và đang tạm dừng: các lần gửi này không tự được gửi, chỉ được gửi khi bạn tiếp tục {{names}} và sự kiện lỗi đó, được gửi lại từ mục Lỗi gửi, gửi được, hoặc khi nó bị bỏ ở đó.',
    successRate: 'Tỉ lệ lần thử thành công (24 giờ)',
    heldBy:
      'Các sự kiện gửi tới nơi nhận này đang chờ sau {{label}} ({{status}}): nơi nhận này nhận sự kiện đúng theo thứ tự.',
    heldByFailed:
      'Các sự kiện gửi tới nơi nhận này đang chờ sau {{label}} (lỗi): nơi nhận này nhận sự kiện đúng theo thứ tự, nên các sự kiện sau nó chỉ được gửi khi {{label}} được gửi lại từ mục Lỗi gửi và gửi được, hoặc bị bỏ ở đó.',
    paused: 'Mọi lần gửi đang tạm dừng. Sự kiện vẫn được nhận và lưu.',
    resume: 'Tiếp tục gửi',
  },
  log: {
    deletedSource: 'Nguồn đã xóa (không rõ tên)',
    deletedDestination: 'Nơi nhận đã xóa',
    deletedNamed: '“{{name}}” (đã xóa)',
    waitsPaused: 'Chờ: đang tạm dừng',
    waitsPausedTitle:
      'Chưa được gửi: nơi nhận mà sự kiện này còn chờ đang tạm dừng. Sự kiện sẽ được gửi khi bạn tiếp tục; mở sự kiện để xem là nơi nhận nào.',
    waitsBehind: 'Đang chờ',
    statusFilter: {
      pending: 'Đang gửi',
      waiting: 'Đang chờ',
      waitsPaused: 'Chờ: đang tạm dừng',
      delivered: 'Đã gửi',
      partlyDelivered: 'Gửi được một phần',
      failed: 'Lỗi (ở ít nhất một nơi nhận)',
      failed_there: 'Lỗi',
      partlyDiscarded: 'Đã bỏ một phần',
      discarded: 'Đã bỏ (toàn bộ hoặc một phần)',
      discarded_there: 'Đã bỏ',
      skipped: 'Bỏ qua',
      received: 'Đã lưu, không gửi',
      rejected: 'Bị từ chối',
    },
    waitsBehindTitle:
      'Chưa được gửi: sự kiện này đang chờ sau một sự kiện khác, vì nơi nhận của nó nhận sự kiện đúng theo thứ tự. Mở sự kiện để xem là sự kiện nào.',
    filters: 'Bộ lọc',
    status: 'Trạng thái',
    source: 'Nguồn',
    destination: 'Nơi nhận',
    type: 'Loại sự kiện',
    search: 'Tìm',
    searchPlaceholder: 'Số hóa đơn, tên, SĐT, mã sự kiện…',
    empty: 'Chưa có sự kiện. Hãy gửi một sự kiện từ máy POS, hoặc dùng “Gửi sự kiện thử” ở một nơi nhận.',
    noMatch: 'Không có sự kiện nào khớp bộ lọc.',
    filtersOn: 'Chỉ hiện các sự kiện khớp bộ lọc: {{what}}.',
    showAll: 'Hiện tất cả sự kiện',
    time: 'Thời gian',
    summary: 'Tóm tắt',
    loadMore: 'Đang tải thêm…',
    test: 'Thử',
    typeFrom: '{{system}} · {{name}} ({{code}})',
    otherTypes: 'Loại khác',
    refusedSummary: 'Yêu cầu “{{type}}” bị từ chối · {{why}}',
    refusedTitle: 'Yêu cầu “{{type}}” bị từ chối',
    testFailed: 'Thử: lỗi',
    testDelivered: 'Thử: đã gửi',
  },
  drawer: {
    title: 'Sự kiện',
    headers: 'Trường tiêu đề (header)',
    body: 'Nội dung',
    pretty: 'Đã định dạng',
    raw: 'Nguyên bản',
    deliveries: 'Các lần gửi',
    noDeliveries: 'Không có lần gửi nào.',
    deletedDestination: '“{{name}}” (đã xóa)',
    deletedResendAll_one:
      'Bấm Gửi lại tất cả để gửi tới {{names}}: nơi đang nhận loại sự kiện này mà chưa nhận được nó.',
    deletedResendAll_other:
      'Bấm Gửi lại tất cả để gửi tới {{names}}: nơi đang nhận loại sự kiện này mà chưa nhận được nó.',
    resendAll: 'Gửi lại tất cả',
    resendOne: 'Gửi lại',
    confirmDiscard:
      'Bỏ {{order}} cho “{{name}}”? Hookferry ngừng gửi: “{{name}}” sẽ không bao giờ nhận được nó, trừ khi chính bạn gửi lại.',
    discard: 'Bỏ, không gửi nữa',
    copyCurl: 'Chép thành lệnh cho kỹ thuật viên (cURL)',
    curlPlaceholder: 'dán giá trị {{name}}',
    copyBody: 'Chép nội dung',
    attempt: 'Lần thử {{n}}',
    nextAttempt: 'Thử lại lúc {{time}}',
    heldBy: 'Đang chờ sau {{label}} ({{status}}): nơi nhận này nhận sự kiện đúng theo thứ tự.',
    heldByFailed:
      'Đang chờ sau {{label}} (lỗi): nơi nhận này nhận sự kiện đúng theo thứ tự, nên sự kiện này chỉ được gửi khi {{label}} được gửi lại từ mục Lỗi gửi và gửi được, hoặc bị bỏ ở đó.',
    paused: 'Đang tạm dừng: sẽ gửi khi bạn tiếp tục.',
    deliveredWaitsPaused: 'Đã gửi tới {{delivered}}; còn chờ {{paused}} (đang tạm dừng): sẽ gửi khi bạn tiếp tục.',
    waitsPaused: 'Đang chờ {{paused}} (đang tạm dừng): sẽ gửi khi bạn tiếp tục.',
    reason: 'Lý do bị từ chối',
    sentFrom: 'gửi từ {{address}}',
    answered: 'Hookferry đã trả lời bên gửi mã {{status}}',
    rejectedKey:
      'Hookferry không nhận yêu cầu này: nó chỉ được giữ ở đây để xem lại và không được gửi tới nơi nhận nào. Nơi gửi đã nhận câu trả lời mã {{status}}; nơi gửi có tự gửi lại hay không là tùy nơi gửi. Hãy sửa khóa như hướng dẫn ở trên, rồi gửi lại đơn hàng từ máy POS hoặc cửa hàng.',
    rejectedNext:
      'Hookferry không nhận yêu cầu này: nó chỉ được giữ ở đây để xem lại và không được gửi tới nơi nhận nào. Nơi gửi đã nhận câu trả lời mã {{status}}; nơi gửi có tự gửi lại hay không là tùy nơi gửi. Hãy khắc phục nguyên nhân ở trên, rồi gửi lại từ máy POS hoặc cửa hàng.',
    duplicates_one: 'Nơi gửi đã gửi lại {{count}} lần nữa; Hookferry chỉ giữ một bản.',
    duplicates_other: 'Nơi gửi đã gửi lại {{count}} lần nữa; Hookferry chỉ giữ một bản.',
    resent_one: 'Đã bắt đầu gửi lại đến {{count}} nơi nhận; kết quả hiện ở mục Các lần gửi của sự kiện.',
    sentFirst_one: 'Đã bắt đầu gửi đến {{count}} nơi nhận; kết quả hiện ở mục Các lần gửi của sự kiện.',
    sentFirst_other: 'Đã bắt đầu gửi đến {{count}} nơi nhận; kết quả hiện ở mục Các lần gửi của sự kiện.',
    resent_other: 'Đã bắt đầu gửi lại đến {{count}} nơi nhận; kết quả hiện ở mục Các lần gửi của sự kiện.',
    confirmTitle: 'Gửi lại sự kiện đã gửi tới nơi?',
    confirmedAt: '“{{name}}” đã xác nhận nhận được sự kiện này lúc {{time}}',
    confirmedNamed: '“{{name}}” đã xác nhận nhận được sự kiện này',
    confirmResendOne:
      '{{confirmed}}. Nếu gửi lại, nơi đó sẽ nhận sự kiện lần thứ hai (với đơn hàng: thêm một đơn trùng trong sổ). Chỉ gửi lại khi nơi đó bị mất nó.',
    confirmResendMany:
      '{{confirmed}}. Nếu gửi lại, các nơi đó sẽ nhận sự kiện lần thứ hai (với đơn hàng: thêm một đơn trùng trong sổ). Chỉ gửi lại khi các nơi đó bị mất nó.',
    confirmAlsoAgain: 'Sự kiện cũng được gửi lại tới {{names}}, nơi chưa nhận được nó.',
    confirmAlsoFirst: 'Sự kiện cũng được gửi lần đầu tới {{names}}, nơi từ nay nhận loại sự kiện này.',
    confirmSend: 'Vẫn gửi lại',
    resentPaused_one:
      'Đã xếp lại để gửi đến {{count}} nơi nhận; sẽ gửi khi nơi nhận đang tạm dừng được tiếp tục (bấm Tiếp tục trên nơi nhận đó, hoặc Tiếp tục gửi nếu mọi lần gửi đang tạm dừng).',
    resentPaused_other:
      'Đã xếp lại để gửi đến {{count}} nơi nhận; sẽ gửi khi nơi nhận đang tạm dừng được tiếp tục (bấm Tiếp tục trên nơi nhận đó, hoặc Tiếp tục gửi nếu mọi lần gửi đang tạm dừng).',
    resentOneTry_one: 'Hookferry chỉ thử gửi một lần: nếu lần đó lỗi, sự kiện hiện ngay trong mục Lỗi gửi, kèm lý do.',
    resentOneTry_other:
      'Hookferry chỉ thử gửi một lần: nếu lần đó lỗi, sự kiện hiện ngay trong mục Lỗi gửi, kèm lý do.',
    resentOnSchedule_one:
      'Sự kiện vẫn đang trên đường gửi: nếu lần này lỗi, các lần thử còn lại vẫn theo lịch của nơi nhận.',
    resentOnSchedule_other:
      'Sự kiện vẫn đang trên đường gửi: nếu lần này lỗi, các lần thử còn lại vẫn theo lịch của nơi nhận.',
    resendAlreadyWaiting_one:
      'Sự kiện đã nằm sẵn trong hàng chờ gửi tới {{count}} nơi nhận, nên không cần xếp thêm: nó vẫn được gửi một lần như đã định.',
    resendAlreadyWaiting_other:
      'Sự kiện đã nằm sẵn trong hàng chờ gửi tới {{count}} nơi nhận, nên không cần xếp thêm: nó vẫn được gửi một lần như đã định.',
    resendAlreadyWaitingPaused_one:
      'Sự kiện đã nằm sẵn trong hàng chờ gửi tới {{count}} nơi nhận đang tạm dừng, nên không cần xếp thêm: nó được gửi một lần ở đó, khi nơi nhận đó được tiếp tục (bấm Tiếp tục trên thẻ của nơi nhận đó, hoặc Tiếp tục gửi nếu mọi lần gửi đang tạm dừng).',
    resendAlreadyWaitingPaused_other:
      'Sự kiện đã nằm sẵn trong hàng chờ gửi tới {{count}} nơi nhận đang tạm dừng, nên không cần xếp thêm: nó được gửi một lần ở đó, khi nơi nhận đó được tiếp tục (bấm Tiếp tục trên thẻ của nơi nhận đó, hoặc Tiếp tục gửi nếu mọi lần gửi đang tạm dừng).',
    resendWhileSending_one:
      'Sự kiện đang được gửi tới {{count}} nơi nhận ngay lúc này, nên không được xếp gửi lại ở đó: lần gửi đang diễn ra chính là lần gửi bạn cần, kết quả sẽ hiện ở đây trong giây lát. Nếu lỗi, hãy gửi lại sau đó.',
    resendWhileSending_other:
      'Sự kiện đang được gửi tới {{count}} nơi nhận ngay lúc này, nên không được xếp gửi lại ở đó: lần gửi đang diễn ra chính là lần gửi bạn cần, kết quả sẽ hiện ở đây trong giây lát. Nếu lỗi, hãy gửi lại sau đó.',
    resentMixed:
      'Hookferry thử gửi mỗi nơi một lần: nơi nào lỗi, sự kiện hiện ngay trong mục Lỗi gửi, kèm lý do; riêng nơi mà sự kiện vẫn đang trên đường gửi thì các lần thử còn lại vẫn theo lịch của nơi nhận đó.',
    olderAttempts_one: 'Xem {{count}} lần thử trước',
    olderAttempts_other: 'Xem {{count}} lần thử trước',
    test: 'Sự kiện thử, gửi bằng nút “Gửi sự kiện thử” trên thẻ của nơi nhận. Sự kiện thử chỉ gửi một lần và không được gửi lại: nếu lỗi, nó không nằm trong mục Lỗi gửi. Muốn thử lại, hãy gửi một sự kiện thử mới.',
    eventId: 'Mã sự kiện',
    testAgain: 'Gửi sự kiện thử mới',
    testAgainOk: 'Sự kiện thử mới đã gửi thành công; nó nằm ở đầu nhật ký trực tiếp.',
    testAgainFailed: 'Sự kiện thử mới không gửi được: {{error}} Nó nằm ở đầu nhật ký trực tiếp.',
  },
  failed: {
    help: 'Hãy sửa theo lý do bên dưới, rồi bấm Gửi lại: Hookferry thử gửi ngay một lần, và nếu lần đó lỗi, sự kiện quay lại đây ngay.',
    helpMore: 'Thêm về danh sách này',
    helpDetails:
      'Các sự kiện này đã được thử gửi theo lịch của từng nơi nhận nhưng nơi nhận chưa xác nhận là đã nhận; Hookferry giữ chúng cho đến khi bạn gửi lại hoặc bỏ. Một lần thử không có trả lời sau khi sự kiện đã được gửi đi vẫn có thể đã tới nơi nhận: nếu lý do hoặc lịch sử của đơn (bấm vào đơn) nói vậy, hãy kiểm tra ở nơi nhận trước khi gửi lại, kẻo nó nhận hai lần. Chúng được nhóm theo nơi nhận, rồi theo lý do, để một lần sửa có thể gửi lại cả nhóm: nhóm có sự kiện nhận gần đây nhất đứng đầu, và trong mỗi nhóm sự kiện mới nhất đứng đầu (giờ đầu tiên trên mỗi dòng là lúc nhận sự kiện).',
    none: 'Không có gì chờ ở đây: không có lần gửi nào lỗi hẳn.',
    noneNoDestinations: 'Không có lỗi: chưa có nơi nhận nào nên chưa gửi gì. Hãy thêm nơi nhận trong mục Nơi nhận.',
    noneOnTheirWay_one: 'Không có lỗi. {{count}} lần gửi đang trên đường đi.',
    noneOnTheirWay_other: 'Không có lỗi. {{count}} lần gửi đang trên đường đi.',
    noneFailed: 'Không có lỗi.',
    resending:
      'Đang gửi lại (tiến trình ở trên): mỗi sự kiện được thử gửi một lần; sự kiện nào lỗi sẽ quay lại đây ngay, kèm lý do.',
    resent_one:
      'Đã bắt đầu gửi lại {{count}} sự kiện: Hookferry thử gửi một lần ngay bây giờ. Nếu lần đó lỗi, sự kiện quay lại đây ngay, kèm lý do.',
    resent_other:
      'Đã bắt đầu gửi lại {{count}} sự kiện: Hookferry thử gửi một lần ngay bây giờ. Nếu lần đó lỗi, sự kiện quay lại đây ngay, kèm lý do.',
    resentPaused_one:
      'Đã xếp lại để gửi {{count}} sự kiện: việc gửi đến nơi nhận này đang tạm dừng, nên sự kiện sẽ được gửi khi bạn tiếp tục, và chỉ thử một lần. Nếu lần đó lỗi, sự kiện quay lại đây, kèm lý do.',
    resentPaused_other:
      'Đã xếp lại để gửi {{count}} sự kiện: việc gửi đến nơi nhận này đang tạm dừng, nên sự kiện sẽ được gửi khi bạn tiếp tục, và chỉ thử một lần. Nếu lần đó lỗi, sự kiện quay lại đây, kèm lý do.',
    lastTry: 'lần thử cuối {{time}}',
    resentFailedAgain: 'Đã gửi lại lúc {{time}}: vẫn lỗi, với lý do ở trên.',
    resentDelivered: 'Đã gửi lại lúc {{time}}: {{order}} đã gửi tới “{{name}}”.',
    resendingOne_one:
      'Đang gửi lại {{count}} sự kiện: Hookferry thử gửi một lần. Nếu lần đó lỗi, sự kiện quay lại đây ngay, kèm lý do.',
    resendingOne_other:
      'Đang gửi lại {{count}} sự kiện: Hookferry thử gửi một lần. Nếu lần đó lỗi, sự kiện quay lại đây ngay, kèm lý do.',
    resendingPaused_one:
      'Đang gửi lại {{count}} sự kiện: nơi nhận đang tạm dừng, nên chưa thử gửi gì cho đến khi bạn tiếp tục. Khi đó Hookferry thử gửi mỗi sự kiện một lần; sự kiện nào lỗi sẽ quay lại đây, kèm lý do.',
    resendingPaused_other:
      'Đang gửi lại {{count}} sự kiện: nơi nhận đang tạm dừng, nên chưa thử gửi gì cho đến khi bạn tiếp tục. Khi đó Hookferry thử gửi mỗi sự kiện một lần; sự kiện nào lỗi sẽ quay lại đây, kèm lý do.',
    earlierResends: 'Lần gửi lại trước',
    eventsInDeliveries_one:
      '{{count}} sự kiện, {{deliveries}} lần gửi lỗi: một sự kiện có thể lỗi ở nhiều nơi nhận, và hiện dưới từng nơi đó.',
    eventsInDeliveries_other:
      '{{count}} sự kiện, {{deliveries}} lần gửi lỗi: một sự kiện có thể lỗi ở nhiều nơi nhận, và hiện dưới từng nơi đó.',
    waitPausedDestination_one:
      '{{count}} lần gửi chờ nơi nhận đang tạm dừng {{names}}; sẽ gửi khi bạn bấm Tiếp tục trên nơi nhận đó.',
    waitPausedDestination_other:
      '{{count}} lần gửi chờ nơi nhận đang tạm dừng {{names}}; sẽ gửi khi bạn bấm Tiếp tục trên nơi nhận đó.',
    waitPausedDestinations_one:
      '{{count}} lần gửi chờ các nơi nhận đang tạm dừng {{names}}; sẽ gửi khi bạn bấm Tiếp tục trên các nơi nhận đó.',
    waitPausedDestinations_other:
      '{{count}} lần gửi chờ các nơi nhận đang tạm dừng {{names}}; sẽ gửi khi bạn bấm Tiếp tục trên các nơi nhận đó.',
    waitAllPaused_one: '{{count}} lần gửi đang chờ vì việc gửi đang tạm dừng; sẽ gửi khi bạn tiếp tục gửi.',
    waitAllPaused_other: '{{count}} lần gửi đang chờ vì việc gửi đang tạm dừng; sẽ gửi khi bạn tiếp tục gửi.',
    noneYet_one:
      'Chưa có lần gửi nào lỗi hẳn. {{count}} lần gửi đang chờ thử lại; lần gửi chỉ hiện ở đây nếu mọi lần thử đều lỗi.',
    noneYet_other:
      'Chưa có lần gửi nào lỗi hẳn. {{count}} lần gửi đang chờ thử lại; lần gửi chỉ hiện ở đây nếu mọi lần thử đều lỗi.',
    resendAll: 'Gửi lại tất cả ({{count}})',
    discardAll: 'Bỏ tất cả',
    confirmDiscardTitle: 'Bỏ sự kiện này?',
    confirmDiscardRow:
      'Bỏ {{order}} cho “{{name}}”? Hookferry ngừng gửi và nó rời khỏi mục Lỗi gửi: “{{name}}” sẽ không bao giờ nhận được nó, trừ khi chính bạn gửi lại từ chi tiết của nó trong Nhật ký trực tiếp.',
    confirmDiscardOne: 'Bỏ hẳn',
    discardFreesLine_one:
      'Nó đang đứng đầu hàng chờ của “{{name}}”: {{count}} sự kiện đang chờ sau nó ở đó sẽ được gửi đi ngay.',
    discardFreesLine_other:
      'Nó đang đứng đầu hàng chờ của “{{name}}”: {{count}} sự kiện đang chờ sau nó ở đó sẽ được gửi đi ngay.',
    discardFreesLinePaused_one:
      'Nó đang đứng đầu hàng chờ của “{{name}}”: {{count}} sự kiện đang chờ sau nó ở đó sẽ được gửi khi bạn tiếp tục “{{name}}”.',
    discardFreesLinePaused_other:
      'Nó đang đứng đầu hàng chờ của “{{name}}”: {{count}} sự kiện đang chờ sau nó ở đó sẽ được gửi khi bạn tiếp tục “{{name}}”.',
    confirmDiscard_one:
      'Bỏ {{count}} lần gửi lỗi đến “{{name}}”? Hookferry ngừng gửi, và mục Lỗi gửi không còn giữ lần gửi bị bỏ: “{{name}}” sẽ không bao giờ nhận được sự kiện đó, trừ khi chính bạn gửi lại từ chi tiết của sự kiện trong Nhật ký trực tiếp.',
    confirmDiscard_other:
      'Bỏ {{count}} lần gửi lỗi đến “{{name}}”? Hookferry ngừng gửi, và mục Lỗi gửi không còn giữ lần gửi bị bỏ: “{{name}}” sẽ không bao giờ nhận được sự kiện đó, trừ khi chính bạn gửi lại từ chi tiết của sự kiện trong Nhật ký trực tiếp.',
    deliveries_one: '{{count}} sự kiện',
    deliveries_other: '{{count}} sự kiện',
    noReason: 'Không ghi nhận được lý do.',
    resendReason: 'Gửi lại nhóm này ({{count}})',
    discardReason: 'Bỏ nhóm này',
    resendOne: 'Gửi lại',
    discardOne: 'Bỏ',
    showMore: 'Xem thêm',
    batchRunning_one: 'Đang gửi lại {{count}} sự kiện đến “{{name}}”:',
    batchRunning_other: 'Đang gửi lại {{count}} sự kiện đến “{{name}}”:',
    batchDone_one: 'Đã gửi lại {{count}} sự kiện đến “{{name}}”:',
    batchDone_other: 'Đã gửi lại {{count}} sự kiện đến “{{name}}”:',
    batchDelivered: '{{count}} thành công',
    batchFailed: '{{count}} lại bị lỗi',
    batchDiscarded: '{{count}} đã bỏ',
    batchWaiting: '{{count}} vẫn đang chờ',
    batchNow: 'Hiện giờ: {{outcome}}.',
    batchNowDeleted: '“{{name}}” đã bị xóa sau đó: không còn gì của nơi này phải chờ.',
    nowDelivered: '{{count}} sự kiện đã tới “{{name}}”',
    nowFailed_one: '{{count}} sự kiện còn chờ ở danh sách phía trên',
    nowFailed_other: '{{count}} sự kiện còn chờ ở danh sách phía trên',
    nowDiscarded: '{{count}} sự kiện đã bỏ',
    nowWaiting: '{{count}} sự kiện đang được gửi lại',
    batchStarted: 'Bắt đầu lúc {{start}}.',
    batchFinished: 'Bắt đầu lúc {{start}}, xong lúc {{end}}.',
  },
  destinations: {
    title: 'Nơi nhận',
    add: 'Thêm nơi nhận',
    name: 'Tên',
    url: 'Địa chỉ web',
    method: 'Phương thức',
    events: 'Sự kiện cần gửi',
    patterns: 'Mẫu sự kiện khác',
    patternsHelp: 'Mỗi dòng một mẫu, ví dụ order.* hoặc orders/create. * là tất cả.',
    everything: 'Tất cả (*)',
    sources: 'Chỉ từ các nguồn này',
    allSources: 'Mọi nguồn',
    headers: 'Trường tiêu đề (header)',
    headerName: 'Tên',
    headerValue: 'Giá trị',
    secret: 'Bí mật',
    secretByName:
      'Được giữ bí mật: tên này dành cho mật khẩu, khóa hoặc mã truy cập, nên Hookferry luôn mã hóa giá trị khi lưu và không bao giờ hiển thị nó.',
    secretUnticked:
      'Giá trị đã lưu của nó là bí mật, mà giá trị bí mật không bao giờ được hiển thị, nên không thể thành giá trị thường: hãy gõ giá trị mà trường tiêu đề này cần gửi.',
    addHeader: 'Thêm trường tiêu đề',
    signing: 'Khóa ký',
    signingHelp:
      'Chỉ dùng khi nơi nhận kiểm tra chữ ký của Hookferry; họ sẽ cấp một khóa bắt đầu bằng whsec_. Để trống nếu không dùng.',
    removeSigning: 'Xóa khóa ký',
    bodyMode: 'Nội dung',
    bodyRaw: 'Như đã nhận',
    bodyJson: 'Dạng JSON',
    retry: 'Thử lại',
    maxAttempts: 'Tổng số lần thử',
    initialDelay: 'Thử lại lần đầu sau (giây)',
    multiplier: 'Sau đó nhân với',
    maxDelay: 'Khoảng chờ dài nhất giữa hai lần thử (phút)',
    schedule: 'Lịch: {{schedule}}',
    mode: 'Cách gửi',
    parallel: 'Gửi nhiều sự kiện cùng lúc (nhanh hơn)',
    ordered: 'Lần lượt từng sự kiện, đúng thứ tự',
    orderedHint:
      'Thứ tự nghiêm ngặt: sự kiện được gửi lần lượt, đúng thứ tự đã nhận. Nếu một sự kiện lỗi hẳn, các sự kiện sau sẽ chờ đến khi bạn gửi lại hoặc bỏ nó (trong mục Lỗi gửi).',
    concurrency: 'Số lượt gửi cùng lúc',
    timeout: 'Chờ phản hồi tối đa (giây)',
    paused: 'Đang tạm dừng',
    test: 'Gửi sự kiện thử',
    confirmDelete:
      'Xóa “{{name}}”? {{what}} sẽ bị bỏ ở đó; những gì nó đã nhận vẫn nằm trong lịch sử của từng sự kiện.',
    confirmDeleteWaiting_one: '{{count}} sự kiện đang chờ gửi tới đó',
    confirmDeleteWaiting_other: '{{count}} sự kiện đang chờ gửi tới đó',
    confirmDeleteFailed_one: '{{count}} sự kiện đang chờ trong Lỗi gửi',
    confirmDeleteFailed_other: '{{count}} sự kiện đang chờ trong Lỗi gửi',
    confirmDeleteAnd: ' và ',
    confirmDeleteNone: 'Xóa “{{name}}”? Những gì nó đã nhận vẫn nằm trong lịch sử của từng sự kiện.',
    confirmDeleteUnknown:
      'Xóa “{{name}}”? Những sự kiện đang chờ ở đó sẽ bị bỏ ở đó; những gì nó đã nhận vẫn nằm trong lịch sử của từng sự kiện.',
    confirmDeleteTitle: 'Xóa nơi nhận này?',
    confirmDeleteYes: 'Xóa hẳn',
    secretsToOtherSiteTitle: 'Thông tin bí mật và địa chỉ mới',
    secretsToOtherSite: 'Gửi cả các thông tin bí mật đã nhập cho địa chỉ cũ ({{names}}) tới địa chỉ mới, {{host}}?',
    secretsToOtherSiteWhy:
      'Chúng được nhập cho địa chỉ cũ, thuộc một trang khác. Bạn cũng có thể nhập giá trị mới cho chúng ở trên rồi lưu.',
    secretsKeep: 'Giữ lại',
    secretsRemove: 'Xóa chúng',
    none: 'Chưa có nơi nhận. Nơi nhận là nơi Hookferry gửi tiếp các sự kiện mà hệ thống của cửa hàng gửi tới: sổ sách kế toán hay sổ đơn hàng, một CRM như Zithara, hoặc một địa chỉ web bất kỳ. Khi chưa có nơi nhận, sự kiện chỉ được lưu lại.',
    addFirst: 'Thêm nơi nhận đầu tiên',
    kind: 'Loại',
    kinds: { webhook: 'Địa chỉ web bất kỳ' },
    transform: 'Chuyển đổi (không bắt buộc)',
    transformLabel: 'Thay đổi nội dung trước khi gửi: biểu thức do kỹ thuật viên viết (JSONata)',
    jsonataHelp: 'Cách viết biểu thức (hướng dẫn JSONata)',
    preview: 'Xem trước',
    previewOn: 'Trên sự kiện {{id}}:',
    deletedWhileEditing:
      '“{{name}}” đã bị xoá ở nơi khác (ở cửa sổ khác, từ khay hệ thống hoặc bởi chương trình khác) trong lúc đang mở ở đây: những gì bạn sửa ở đây chưa được lưu.',
    causeOnCard: 'lý do ghi trên thẻ của nơi nhận này bên dưới',
  },
  sources: {
    title: 'Nguồn',
    add: 'Thêm nguồn',
    name: 'Tên',
    kind: 'Loại',
    intakeUrl: 'Địa chỉ nhận',
    regenerate: 'Tạo địa chỉ mới',
    confirmRegenerate:
      'Tạo địa chỉ mới cho “{{name}}”? Địa chỉ cũ ngừng hoạt động ngay; hãy cập nhật địa chỉ mới trong {{sender}}.',
    confirmRegenerateAny:
      'Tạo địa chỉ mới cho “{{name}}”? Địa chỉ cũ ngừng hoạt động ngay; hãy cập nhật địa chỉ mới trong hệ thống gửi tới địa chỉ này.',
    verification: 'Xác thực',
    none: 'Không',
    hmac: 'Chữ ký (HMAC)',
    header: 'Khóa bí mật gửi kèm',
    headerName: 'Tên trường tiêu đề (header)',
    secret: 'Khóa bí mật',
    value: 'Giá trị',
    encoding: 'Định dạng chữ ký',
    guide: 'Hướng dẫn cài đặt',
    guideNew: 'Địa chỉ nhận để dán sẽ được tạo khi bạn bấm Tạo nguồn; sau đó nó hiện trên thẻ của nguồn này.',
    confirmDelete: 'Xóa nguồn “{{name}}”? Địa chỉ của nó sẽ ngừng hoạt động.',
    deletedWhileEditing:
      '“{{name}}” đã bị xoá ở nơi khác (ở cửa sổ khác hoặc bởi chương trình khác) trong lúc bạn đang sửa nó ở đây: những gì bạn sửa ở đây chưa được lưu.',
    confirmDeleteTitle: 'Xóa nguồn này?',
    confirmDeleteYes: 'Xóa hẳn',
    confirmRegenerateTitle: 'Tạo địa chỉ mới?',
    namePlaceholder: 'Quầy POS, web bán hàng…',
    create: 'Tạo nguồn',
    added: 'Đã tạo nguồn “{{name}}”. Hãy dán địa chỉ nhận của nó vào hệ thống gửi.',
    addedThisPcOnly:
      'Đã tạo nguồn “{{name}}”. Địa chỉ nhận của nó chỉ dùng được trên chính máy này, nên Teamcrop và web bán hàng không gửi tới được: hãy thiết lập địa chỉ công khai trong Cài đặt trước, rồi dán địa chỉ hiện trên thẻ của nguồn vào hệ thống gửi.',
    addedLocalOnly:
      'Đã tạo nguồn “{{name}}”. Địa chỉ nhận của nó chỉ dùng được trên máy này và mạng nội bộ cửa hàng, nên Teamcrop và web bán hàng không gửi tới được: hãy thiết lập địa chỉ công khai trong Cài đặt trước, rồi dán địa chỉ hiện trên thẻ của nguồn vào hệ thống gửi.',
    addressThisPcOnly:
      'Địa chỉ này chỉ dùng được trên chính máy này: Teamcrop và web bán hàng gửi từ internet nên không tới được. Hãy thiết lập địa chỉ công khai trước; khi đó thẻ này sẽ hiện địa chỉ cần dán.',
    addressLocalOnly:
      'Địa chỉ này chỉ dùng được trên máy này và mạng nội bộ cửa hàng: Teamcrop và web bán hàng gửi từ internet nên không tới được. Hãy thiết lập địa chỉ công khai trước; khi đó thẻ này sẽ hiện địa chỉ cần dán.',
    valueMadeHereNew:
      'Giá trị này do bạn tự đặt: gõ một chuỗi dài bất kỳ, hoặc bấm Tạo ngẫu nhiên; rồi nhập đúng tên trường và giá trị này ở nơi gửi. Hãy chép lại trước khi bấm Tạo nguồn: Hookferry không hiện lại giá trị đã lưu.',
    valueMadeHereFirst:
      'Giá trị này do bạn tự đặt: gõ một chuỗi dài bất kỳ, hoặc bấm Tạo ngẫu nhiên; rồi nhập đúng tên trường và giá trị này ở nơi gửi. Hãy chép lại trước khi bấm Lưu: Hookferry không hiện lại giá trị đã lưu. Sau khi lưu, nơi gửi sẽ bị từ chối cho đến khi gửi kèm đúng giá trị này.',
    valueMadeHereSaved:
      'Muốn đổi giá trị này, hãy gõ giá trị mới hoặc bấm Tạo ngẫu nhiên, rồi nhập đúng giá trị đó ở nơi gửi. Hãy chép lại trước khi bấm Lưu: Hookferry không hiện lại giá trị đã lưu. Bấm Lưu sẽ thay giá trị cũ, và nơi gửi bị từ chối cho đến khi được nhập giá trị mới.',
    secretMadeHereNew:
      'Nếu nơi gửi cấp sẵn khóa bí mật (Shopify và WooCommerce có), hãy dán vào đây; nếu không, hãy tự đặt hoặc bấm Tạo ngẫu nhiên, rồi nhập đúng giá trị đó ở nơi gửi. Hãy chép lại trước khi bấm Tạo nguồn: Hookferry không hiện lại giá trị đã lưu.',
    secretMadeHereFirst:
      'Nếu nơi gửi cấp sẵn khóa bí mật (Shopify và WooCommerce có), hãy dán vào đây; nếu không, hãy tự đặt hoặc bấm Tạo ngẫu nhiên, rồi nhập đúng giá trị đó ở nơi gửi. Hãy chép lại trước khi bấm Lưu: Hookferry không hiện lại giá trị đã lưu. Sau khi lưu, nơi gửi sẽ bị từ chối cho đến khi ký bằng đúng khóa này.',
    secretMadeHereSaved:
      'Muốn đổi khóa bí mật, hãy dán khóa nơi gửi cấp (Shopify và WooCommerce có), hoặc tự đặt hay bấm Tạo ngẫu nhiên, rồi nhập đúng giá trị đó ở nơi gửi. Hãy chép lại trước khi bấm Lưu: Hookferry không hiện lại giá trị đã lưu. Bấm Lưu sẽ thay khóa cũ, và nơi gửi bị từ chối cho đến khi được nhập khóa mới.',
    secretMissing:
      'Nguồn này chưa có khóa bí mật (được nhập từ tệp cấu hình, mà tệp đó không chứa khóa bí mật), nên Hookferry từ chối mọi yêu cầu gửi tới nó. Hãy nhập lại khóa bí mật bên dưới, giống hệt ở nơi gửi, rồi bấm Lưu.',
    valueMissing:
      'Nguồn này chưa có giá trị cho trường tiêu đề (được nhập từ tệp cấu hình, mà tệp đó không chứa giá trị bí mật), nên Hookferry từ chối mọi yêu cầu gửi tới nó. Hãy nhập lại giá trị bên dưới, giống hệt ở nơi gửi, rồi bấm Lưu.',
    generate: 'Tạo ngẫu nhiên',
    valuePlaceholder: 'Do bạn tự đặt',
    hex: 'Hex (0–9 và a–f)',
    base64: 'Base64 (Shopify, WooCommerce)',
    secretPlaceholder: 'Như ở nơi gửi',
  },
  settings: {
    title: 'Cài đặt',
    general: 'Chung',
    network: 'Mạng',
    intakePort: 'Cổng nhận',
    adminPort: 'Cổng bảng điều khiển',
    lowPort:
      '{{field}}: cổng {{port}} nhỏ hơn 1024: các cổng này dành cho dịch vụ của hệ thống. Trên Linux và macOS chỉ quản trị viên mới mở được, còn trên Windows thường đã có máy chủ web chiếm. Nếu Hookferry không mở được, bấm Lưu sẽ báo và không có gì thay đổi. Chọn cổng từ 1024 đến 65535, ví dụ {{usual}}, để tránh việc này.',
    restartNote:
      'Cổng bảng điều khiển mới có hiệu lực ở lần khởi động sau; khi đó địa chỉ bảng điều khiển đổi theo, nên hãy mở lại nó từ Hookferry (địa chỉ in ra lúc khởi động, hoặc menu ở khay hệ thống).',
    lan: 'Nhận sự kiện từ thiết bị khác trong mạng cửa hàng',
    lanWarning: 'Khi đó mọi người trong mạng đều truy cập được địa chỉ nhận. Hãy bật xác thực cho từng nguồn.',
    retention: 'Giữ sự kiện trong (ngày)',
    retentionHelp:
      'Sự kiện cũ hơn sẽ bị xóa khi không còn việc gì phải làm với chúng: đã gửi, đã bỏ, chỉ lưu vì không có nơi nhận, bị từ chối. Sự kiện lỗi và đang chờ được giữ cho tới khi bạn xử lý. Muốn giữ lâu hơn, hãy xuất chúng ra trước.',
    language: 'Ngôn ngữ',
    theme: 'Giao diện',
    appearanceNote: 'Ngôn ngữ và giao diện được lưu ngay khi bạn chọn; các cài đặt khác chờ bạn bấm Lưu.',
    themes: { system: 'Theo hệ thống', light: 'Sáng', dark: 'Tối' },
    debug: 'Ghi nhật ký chi tiết (cho hỗ trợ)',
    config: 'Cấu hình',
    exportConfig: 'Xuất cấu hình',
    importConfig: 'Nhập cấu hình',
    desktop: 'Máy tính này',
    startAtLogin: 'Mở Hookferry khi đăng nhập (ở khay hệ thống, không mở cửa sổ)',
    openDataFolder: 'Mở thư mục dữ liệu',
    version: 'Hookferry {{version}}',
    importPreview: 'Nhập “{{file}}” sẽ làm những việc sau:',
    importConfirm: 'Nhập',
    importNothing: 'Mọi thứ trong tệp này đã có sẵn; nhập sẽ không thay đổi gì.',
    imported: 'Đã nhập cấu hình.',
    importActions: { create: 'Thêm', update: 'Thay đổi', skip: 'Giữ nguyên' },
    importFields: {
      intake: {
        host: 'ai được gửi tới (máy này hay mạng cửa hàng)',
        port: 'cổng nhận',
        bodyLimitBytes: 'kích thước nội dung tối đa',
        rateLimitPerMinute: 'số sự kiện mỗi phút từ một nguồn',
      },
      adminPort: 'cổng bảng điều khiển',
      retentionDays: 'số ngày giữ sự kiện',
      language: 'ngôn ngữ',
      theme: 'giao diện',
      debugLogging: 'ghi nhật ký chi tiết',
      deliveriesPaused: 'tạm dừng gửi',
      kind: 'loại',
      verification: 'xác minh',
      url: 'địa chỉ',
      events: 'sự kiện cần gửi',
      sources: 'nguồn được nhận',
      timeoutMs: 'thời gian chờ phản hồi',
      retry: 'thử lại',
      concurrency: 'số lượt gửi cùng lúc',
      ordered: 'thứ tự gửi',
      settings: 'cài đặt riêng của loại',
    },
    importWhat: { settings: 'Cài đặt', source: 'Nguồn', destination: 'Nơi nhận' },
    exportEvents: 'Xuất sự kiện',
    xlsx: 'Tải bảng tính Excel (.xlsx)',
    csv: 'CSV cho chương trình khác',
    exportFailed:
      'Không xuất được (Hookferry trả lời mã {{status}}). Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại Hookferry.',
    exporting: 'Đang xuất… Tệp được lưu khi đã tải về đủ; dữ liệu lớn có thể mất một phút hoặc hơn.',
    cancelExport: 'Hủy xuất',
    exportCut:
      'Lượt xuất dừng trước khi xong nên chưa lưu gì. Hãy xuất lại; nếu vẫn dừng, lý do có trong tệp nhật ký của Hookferry.',
    csvBodies: 'Đưa nội dung của từng sự kiện vào bảng tính',
    ndjson: 'Sao lưu đầy đủ (NDJSON)',
    deliveriesPaused: 'Tạm dừng mọi lần gửi',
    pausedNow:
      'Mọi lần gửi đang tạm dừng: sự kiện vẫn được nhận và lưu, nhưng chưa gửi tới nơi nhận nào cho đến khi bạn bỏ chọn ô này rồi bấm Lưu, hoặc bấm Tiếp tục gửi ở trang Tổng quan hay trên thẻ của một nơi nhận.',
    running: 'Đang chạy trên cổng nhận {{intake}} và cổng bảng điều khiển {{admin}}.',
    notRunningNow:
      'Hookferry hiện không chạy (lần cuối trả lời, nó chạy trên cổng nhận {{intake}} và cổng bảng điều khiển {{admin}}).',
    intakeMoved:
      'Đã lưu. Cổng nhận giờ là {{port}}, nên địa chỉ nhận đã đổi: hãy đưa địa chỉ mới cho từng nơi gửi ({{names}}); mục Nguồn có các địa chỉ này. Cho đến lúc đó, những gì họ gửi sẽ không đến được.',
    intakeMovedPublic:
      'Đã lưu. Hookferry giờ nhận trên cổng {{port}}; địa chỉ công khai mà các nơi gửi dùng vẫn giữ nguyên.',
    intakeOnNetwork:
      'Đã lưu. Hookferry giờ nhận sự kiện từ mạng của cửa hàng tại {{url}}: hãy đưa địa chỉ này cho các thiết bị trong mạng gửi tới ({{names}}); mục Nguồn có địa chỉ đầy đủ của từng nơi.',
    intakeOnNetworkPort:
      'Đã lưu. Hookferry giờ nhận sự kiện từ mạng của cửa hàng, trên cổng mới {{port}}, tại {{url}}: hãy đưa địa chỉ này cho từng nơi gửi ({{names}}); mục Nguồn có địa chỉ đầy đủ của từng nơi. Cho đến lúc đó, những gì họ gửi sẽ không đến được.',
    intakeOnNetworkPublic:
      'Đã lưu. Hookferry giờ nhận cả sự kiện từ mạng của cửa hàng, trên cổng {{port}} ({{url}}); địa chỉ công khai mà các nơi gửi dùng vẫn giữ nguyên.',
    intakeThisPc:
      'Đã lưu. Hookferry giờ chỉ nhận sự kiện từ máy tính này ({{url}}): các thiết bị khác trong mạng cửa hàng không gửi tới được nữa; nơi gửi ở thiết bị khác ({{names}}) cần một địa chỉ công khai (bên dưới), hoặc đánh dấu lại ô này.',
    intakeThisPcPort:
      'Đã lưu. Hookferry giờ chỉ nhận sự kiện từ máy tính này, trên cổng mới {{port}} ({{url}}): các thiết bị khác trong mạng cửa hàng không gửi tới được nữa, và nơi gửi trên máy này cần địa chỉ mới ({{names}}); mục Nguồn có các địa chỉ này.',
    intakeThisPcPublic:
      'Đã lưu. Hookferry giờ chỉ nhận sự kiện từ máy tính này, trên cổng {{port}} ({{url}}), và qua địa chỉ công khai: các thiết bị khác trong mạng cửa hàng không gửi thẳng tới máy này được nữa; địa chỉ công khai mà các nơi gửi dùng vẫn giữ nguyên.',
    intakePortLater:
      'Đã lưu. Cổng nhận {{port}} sẽ được dùng từ lần mở Hookferry tới: cổng của lần chạy này đã được chọn lúc mở Hookferry, nên tới lúc đó Hookferry vẫn nhận đơn ở cổng {{running}}.',
    adminPortLater:
      'Đã lưu. Cổng bảng điều khiển {{port}} sẽ được dùng từ lần mở Hookferry tới: cổng của lần chạy này đã được chọn lúc mở Hookferry, nên tới lúc đó bảng điều khiển vẫn ở cổng {{running}}.',
    commandLine:
      'Dòng lệnh đã chọn các cổng này cho lần chạy này; các số ở trên được dùng khi khởi động Hookferry không kèm chúng.',
    commandLineIntake:
      'Dòng lệnh đã chọn cổng nhận cho lần chạy này (--port); cổng nhận ở trên được dùng khi khởi động Hookferry không kèm nó. Cổng bảng điều khiển là số đã lưu ở trên.',
    commandLineAdmin:
      'Dòng lệnh đã chọn cổng bảng điều khiển cho lần chạy này (--admin-port); cổng bảng điều khiển ở trên được dùng khi khởi động Hookferry không kèm nó. Cổng nhận là số đã lưu ở trên.',
    commandLineHost:
      'Dòng lệnh đã chọn địa chỉ nhận cho lần chạy này (--host {{host}}); lựa chọn mạng bên dưới được dùng khi khởi động Hookferry không kèm nó.',
    bodyLimit: 'Dung lượng nội dung sự kiện tối đa (MB)',
    rateLimit: 'Số sự kiện tối đa mỗi phút từ một nguồn',
    limitsHelp:
      'Bên gửi vượt quá các giới hạn này sẽ bị từ chối (được báo là nội dung quá lớn, hoặc gửi quá nhanh) và phải gửi lại sau; hãy tăng ở đây nếu nơi gửi thật sự cần.',
  },
  tray: {
    open: 'Mở Hookferry',
    copy: 'Sao chép địa chỉ nhận',
    copyPublic: 'Sao chép địa chỉ công khai',
    pause: 'Tạm dừng gửi',
    resume: 'Tiếp tục gửi',
    resend: 'Gửi lại mục lỗi ({{count, number}})',
    login: 'Khởi động cùng máy',
    quit: 'Thoát',
    ok: 'đã gửi hết',
    nothingSent: 'chưa gửi gì',
    waiting_one: '{{count, number}} đang chờ gửi',
    waiting_other: '{{count, number}} đang chờ gửi',
    waitingForPaused_one: '{{count, number}} chờ nơi nhận đang tạm dừng {{names}}',
    waitingForPaused_other: '{{count, number}} chờ nơi nhận đang tạm dừng {{names}}',
    waitingForResume_one: '{{count, number}} chờ bạn tiếp tục gửi',
    waitingForResume_other: '{{count, number}} chờ bạn tiếp tục gửi',
    heldBehindFailed_one: '{{count, number}} chờ sau sự kiện lỗi ở {{names}}',
    heldBehindFailed_other: '{{count, number}} chờ sau sự kiện lỗi ở {{names}}',
    failing: 'đang lỗi: {{names}}',
    refusing: 'đang từ chối đơn từ {{names}}',
    failed_one: '{{count, number}} lỗi',
    failed_other: '{{count, number}} lỗi',
    paused: 'đã tạm dừng gửi',
    diskFull: 'ổ đĩa đầy: hãy giải phóng dung lượng',
    today_one: '{{count, number}} sự kiện hôm nay',
    today_other: '{{count, number}} sự kiện hôm nay',
    refused_one: '{{count, number}} yêu cầu bị từ chối',
    refused_other: '{{count, number}} yêu cầu bị từ chối',
    starting: 'đang khởi động…',
    stopped: 'không chạy',
    restarting: 'đã dừng; thử lại sau {{seconds}} giây',
  },
  desktop: {
    failingTitle: '“{{name}}” không nhận sự kiện',
    failingBody: '{{why}} Hookferry giữ mọi sự kiện và sẽ thử lại; mở ứng dụng để xem lý do.',
    failingBodyNothingWaits:
      '{{why}} Những gì gửi lỗi đang chờ trong mục Lỗi gửi: mở Hookferry để gửi lại khi nơi nhận hoạt động trở lại.',
    failingNoReason: 'Nhiều lần thử liên tiếp không thành công.',
    failedTitle_one: 'Một sự kiện không gửi được',
    failedTitle_other: '{{count, number}} sự kiện không gửi được',
    failedBody: 'Mọi lần gửi đến {{names}} đều lỗi. Mở Hookferry, chọn Lỗi gửi để gửi lại.',
    cannotStart: 'Hookferry không khởi động được',
    openDataFolder: 'Mở thư mục dữ liệu',
    quit: 'Thoát',
  },
  destinationForm: {
    urlSecrets:
      'Giá trị {{names}} trong địa chỉ này là bí mật: được mã hóa khi lưu và hiện thành [đã ẩn], còn khi gửi vẫn dùng giá trị thật. Để nguyên [đã ẩn] để giữ giá trị cũ, hoặc viết giá trị mới vào chỗ đó.',
    urlSecretsMissing:
      'Hookferry chưa có giá trị {{names}} (cấu hình được nhập vào không kèm giá trị này): hãy viết nó vào chỗ [đã ẩn].',
    basics: 'Tên và địa chỉ',
    events: 'Sự kiện cần gửi',
    delivery: 'Gửi và thử lại',
    security: 'Trường tiêu đề và chữ ký',
    transformation: 'Chuyển đổi (không bắt buộc)',
    namePlaceholder: 'CRM đơn hàng',
    otherSenders_one: '{{count}} hệ thống khác chưa có nguồn riêng',
    otherSenders_other: '{{count}} hệ thống khác chưa có nguồn riêng',
    noShopSenders:
      'Chưa có nguồn nào được đặt là {{systems}} (các hệ thống mà {{kind}} nhận sự kiện), nên Hookferry không biết cửa hàng gửi những sự kiện nào dưới đây và lúc đầu đánh dấu tất cả: hãy bỏ đánh dấu những sự kiện cửa hàng không gửi, hoặc đặt loại cho từng nguồn trong mục Nguồn.',
    untakenSenders: '{{kind}} không nhận sự kiện nào từ {{systems}}: các sự kiện đó không được gửi tới nơi nhận này.',
  },
  destinationCard: {
    worksAgain: 'Đã gửi được lại',
    unread: 'Hiện không đọc được',
    stillFailed_one:
      'Các lần gửi gần nhất đã thành công, nhưng {{count}} sự kiện từ trước vẫn chờ bạn trong mục Lỗi gửi.',
    stillFailed_other:
      'Các lần gửi gần nhất đã thành công, nhưng {{count}} sự kiện từ trước vẫn chờ bạn trong mục Lỗi gửi.',
    urlSecretsMissing:
      'Trước khi tiếp tục, Hookferry cần giá trị {{names}} trong địa chỉ (cấu hình được nhập vào không kèm giá trị này): hãy bấm Sửa trên thẻ này trong mục Nơi nhận và điền giá trị vào chỗ [đã ẩn].',
    neverSent: 'Chưa gửi gì trong 24 giờ qua.',
    untried: 'Chưa gửi gì tới nơi nhận này: sự kiện đầu tiên nó nhận sẽ được gửi ngay khi đến.',
    untriedRefused: 'Chưa gửi gì tới nơi nhận này.',
    untriedSending: 'Đang gửi sự kiện đầu tiên…',
    untriedAllPaused: 'Chưa gửi gì tới nơi nhận này: các sự kiện nó nhận sẽ chờ trong lúc mọi lần gửi đang tạm dừng.',
    untriedPaused: 'Chưa gửi gì tới nơi nhận này: nơi nhận đang tạm dừng, nên sự kiện sẽ chờ đến khi bạn bấm Tiếp tục.',
    tryTest: 'Bấm Gửi sự kiện thử để thử ngay.',
    answersWithin: 'Thường phản hồi trong vòng {{time}}.',
    seconds: '{{s}} giây',
    pause: 'Tạm dừng',
    resume: 'Tiếp tục',
    testing: 'Đang gửi thử…',
    edit: 'Sửa',
    allPaused:
      'Mọi lần gửi đang tạm dừng (Cài đặt), nên nơi nhận này cũng chờ: bấm Tiếp tục gửi bên dưới để gửi tiếp tới mọi nơi nhận.',
    bothPaused:
      'Nơi nhận này đang tạm dừng, và mọi lần gửi cũng đang tạm dừng (Cài đặt). Bấm Tiếp tục chỉ bỏ tạm dừng của riêng nơi nhận này: chưa có gì được gửi tới nó cho đến khi mọi lần gửi được tiếp tục (Tiếp tục gửi ở Tổng quan, hoặc trong Cài đặt).',
    testsApart: 'Sự kiện thử không được tính vào tỉ lệ và số đơn.',
    testBeforeChange:
      'Lần thử đó được làm trước khi cài đặt của nơi nhận này được đổi lần gần nhất, nên không cho biết gì về cài đặt mới: hãy gửi sự kiện thử mới để kiểm tra.',
    testFailedBadge: 'Lần thử lỗi',
    testFailedNext:
      'Đơn hàng vẫn được gửi khi đến; thẻ này ghi “Lần thử lỗi” cho đến khi một đơn hàng hoặc một lần thử sau gửi được. Sự kiện thử không được tính vào tỉ lệ và số đơn.',
    testFailedCredentials:
      'Đơn hàng cũng sẽ không gửi được cho đến khi mã “Client ID” và khóa “Client Secret” được sửa đúng. Thẻ này ghi “Lần thử lỗi” cho đến khi một đơn hàng hoặc một lần thử sau gửi được. Sự kiện thử không được tính vào tỉ lệ và số đơn.',
    testMended:
      'Sự kiện thử không được tính vào tỉ lệ; khi không còn sự kiện nào chờ, lần thử này cho thấy nơi nhận đã trả lời trở lại.',
    editElsewhere: '(bấm Sửa trên thẻ của nó trong mục Nơi nhận)',
    editHere: '(bấm Sửa bên dưới)',
    lastTestOk: 'Lần gửi sự kiện thử gần nhất, lúc {{time}}: thành công.',
    lastTestAnswered: 'Lần gửi sự kiện thử gần nhất, lúc {{time}}: thành công (nơi nhận trả lời mã {{status}}).',
    lastTestOkSaid: 'Lần gửi sự kiện thử gần nhất, lúc {{time}}: {{said}}',
    lastTestFailed: 'Lần gửi sự kiện thử gần nhất, lúc {{time}}, không thành công: {{error}}',
    lastTestFailedSame: 'Lần gửi sự kiện thử gần nhất, lúc {{time}}, không thành công, cùng lý do với lỗi ở trên.',
  },
  earlier: {
    day_one:
      'Có {{count, number}} sự kiện trong 24 giờ qua đến trước khi nơi nhận này được tạo hoặc được chọn nhận chúng, nên chưa được gửi tới đây. Gửi luôn tới đây?',
    day_other:
      'Có {{count, number}} sự kiện trong 24 giờ qua đến trước khi nơi nhận này được tạo hoặc được chọn nhận chúng, nên chưa được gửi tới đây. Gửi luôn tới đây?',
    week_one:
      'Có {{count, number}} sự kiện trong 7 ngày qua đến trước khi nơi nhận này được tạo hoặc được chọn nhận chúng, nên chưa được gửi tới đây. Gửi luôn tới đây?',
    week_other:
      'Có {{count, number}} sự kiện trong 7 ngày qua đến trước khi nơi nhận này được tạo hoặc được chọn nhận chúng, nên chưa được gửi tới đây. Gửi luôn tới đây?',
    all_one:
      'Có {{count, number}} sự kiện đang lưu đến trước khi nơi nhận này được tạo hoặc được chọn nhận chúng, nên chưa được gửi tới đây. Gửi luôn tới đây?',
    all_other:
      'Có {{count, number}} sự kiện đang lưu đến trước khi nơi nhận này được tạo hoặc được chọn nhận chúng, nên chưa được gửi tới đây. Gửi luôn tới đây?',
    window: 'Gửi những sự kiện nào',
    windows: {
      day: 'Trong 24 giờ qua ({{count, number}})',
      week: 'Trong 7 ngày qua ({{count, number}})',
      all: 'Tất cả đang lưu ({{count, number}})',
    },
    send: 'Gửi tới đây…',
    confirmTitle: 'Gửi các sự kiện trước đó tới nơi nhận này',
    ask_one:
      'Gửi {{count, number}} sự kiện tới “{{name}}”? Chỉ nơi nhận này nhận, các nơi nhận khác không bị gửi lại gì. Mỗi sự kiện chỉ gửi một lần, như một sự kiện mới.',
    ask_other:
      'Gửi {{count, number}} sự kiện tới “{{name}}”? Chỉ nơi nhận này nhận, các nơi nhận khác không bị gửi lại gì. Mỗi sự kiện chỉ gửi một lần, như một sự kiện mới.',
    askPaused: 'Nơi nhận đang tạm dừng: các sự kiện sẽ chờ đến khi bạn bấm Tiếp tục.',
    askAllPaused: 'Mọi lần gửi đang tạm dừng: các sự kiện sẽ chờ đến khi tiếp tục gửi.',
    confirm_one: 'Gửi {{count, number}} sự kiện',
    confirm_other: 'Gửi {{count, number}} sự kiện',
    sending: 'Đang xếp các sự kiện vào hàng chờ gửi tới nơi nhận này…',
    sent_one:
      'Lúc {{time}}, đã xếp {{count, number}} sự kiện trước đó vào hàng chờ, chỉ gửi tới nơi nhận này; Nhật ký trực tiếp cho thấy từng sự kiện đã gửi ra sao.',
    sent_other:
      'Lúc {{time}}, đã xếp {{count, number}} sự kiện trước đó vào hàng chờ, chỉ gửi tới nơi nhận này; Nhật ký trực tiếp cho thấy từng sự kiện đã gửi ra sao.',
    sentPaused_one:
      'Lúc {{time}}, đã xếp {{count, number}} sự kiện trước đó vào hàng chờ, chỉ gửi tới nơi nhận này: sẽ gửi khi bạn bấm Tiếp tục.',
    sentPaused_other:
      'Lúc {{time}}, đã xếp {{count, number}} sự kiện trước đó vào hàng chờ, chỉ gửi tới nơi nhận này: sẽ gửi khi bạn bấm Tiếp tục.',
    sentAllPaused_one:
      'Lúc {{time}}, đã xếp {{count, number}} sự kiện trước đó vào hàng chờ, chỉ gửi tới nơi nhận này: sẽ gửi khi tiếp tục gửi.',
    sentAllPaused_other:
      'Lúc {{time}}, đã xếp {{count, number}} sự kiện trước đó vào hàng chờ, chỉ gửi tới nơi nhận này: sẽ gửi khi tiếp tục gửi.',
    sentNone: 'Lúc {{time}}, không còn gì để gửi: mỗi sự kiện đã có lần gửi tới nơi nhận này.',
  },
  /** A preview's words where the delivery's would say nothing was sent and to resend: a preview sends nothing. */
  previewReasons: {
    delivery: {
      transformGivesNothing:
        'Với sự kiện này, phép chuyển đổi không cho ra gì (nhiều khả năng biểu thức dùng tên một trường mà sự kiện không có), nên một đơn như vậy sẽ không được gửi. Hãy đối chiếu tên các trường với sự kiện này.',
      transformGivesEmpty:
        'Với sự kiện này, phép chuyển đổi không tìm thấy trường nào nó dùng nên chỉ cho ra {} hoặc [] rỗng, hoặc chuỗi rỗng ("" hay chỉ toàn dấu cách), vì vậy một đơn như vậy sẽ không được gửi. Có thể sự kiện đến từ một hệ thống khác với hệ thống mà biểu thức được viết cho: hãy đối chiếu tên các trường với sự kiện, hoặc chọn lại loại sự kiện và nguồn mà nơi nhận này nhận.',
      transformGivesFunction:
        'Phép chuyển đổi cho ra một hàm ở chỗ cần một giá trị, nên một đơn sẽ không được gửi: hàm như $uppercase cần có ngoặc bao quanh thứ nó xử lý, ví dụ $uppercase(name).',
      transformOutputTooBig:
        'Với sự kiện này, phép chuyển đổi tạo ra {{mb}} MB, nhiều hơn mức {{max}} MB Hookferry gửi đi từ một phép chuyển đổi, nên một đơn như vậy sẽ không được gửi. Hãy để biểu thức chỉ lấy những gì nơi nhận cần.',
      transformUnreadable:
        'Không thể chuyển kết quả của phép chuyển đổi với sự kiện này về cho Hookferry ({{message}}). Hãy sửa biểu thức để nó tạo ra thứ đơn giản hơn.',
      transformTooDeep:
        'Với sự kiện này, phép chuyển đổi đi sâu hơn mức Hookferry theo được: một hàm trong đó tự gọi lại chính nó, hoặc thứ nó tạo ra lồng nhau, sâu tới hàng nghìn tầng, nên một đơn như vậy sẽ không được gửi. Hãy kiểm tra lại biểu thức.',
    },
  },
  testReasons: {
    delivery: {
      rejected:
        'Nơi nhận trả lời mã {{statusCode}}: nơi nhận từ chối sự kiện thử. Hãy kiểm tra địa chỉ và cài đặt của nơi nhận, rồi gửi thử lại.',
      timeoutSentLast:
        'Không có trả lời trong {{seconds}} giây. Sự kiện thử đã được gửi đi nên có thể nơi nhận vẫn đã nhận được; sự kiện thử không được gửi lại.',
      resetSentLast:
        'Kết nối tới {{host}} bị ngắt sau khi sự kiện thử đã được gửi đi, trước khi có trả lời. Có thể nơi nhận vẫn đã nhận được; sự kiện thử không được gửi lại.',
      transformGivesEmpty:
        'Phép chuyển đổi chỉ cho ra {} hoặc [] rỗng, hoặc chuỗi rỗng ("" hay chỉ toàn dấu cách), với sự kiện thử, vốn chỉ có các trường event, message và sentAt, nên chưa gửi gì đi. Để xem nó cho ra gì với một đơn hàng thật, hãy bấm Xem trước.',
      unreadableSentLast:
        '{{host}} đã trả lời sự kiện thử, nhưng câu trả lời sai chuẩn của một trang web (một trường tiêu đề quá lớn hoặc sai dạng, độ dài ghi sai) nên Hookferry không đọc được. Có thể nơi nhận vẫn đã nhận được; sự kiện thử không được gửi lại.',
      transformGivesNothing:
        'Phép chuyển đổi không cho ra gì với sự kiện thử, vốn chỉ có các trường event, message và sentAt, nên chưa gửi gì đi. Để xem nó cho ra gì với một đơn hàng thật, hãy bấm Xem trước.',
      headerUnsendable:
        'Hookferry không gửi được tới {{host}}: trường tiêu đề {{header}} đã lưu trong nơi nhận này có dấu xuống dòng, ký tự điều khiển, chữ tiếng Việt có dấu hoặc ký tự đặc biệt khác, mà không yêu cầu web nào mang được, nên chưa có gì được gửi đi. Hãy sửa nơi nhận, gõ lại giá trị đó trên một dòng, không có các ký tự ấy, rồi gửi thử lại.',
    },
    zithara: {
      credentialsUnsendable:
        'Mã “Client ID” hoặc khóa “Client Secret” của Zithara đã lưu trong nơi nhận này có dấu xuống dòng, ký tự điều khiển, chữ tiếng Việt có dấu hoặc ký tự đặc biệt khác, mà không thể gửi tới Zithara, nên Hookferry chưa gửi gì. Hãy gõ lại hai mục này trong cài đặt của nơi nhận này (bấm Sửa trên thẻ của nó trong mục Nơi nhận), đúng như Zithara đã cấp, rồi gửi thử lại.',
      refused:
        'Zithara từ chối mã “Client ID” và khóa “Client Secret” (mã {{statusCode}}). Hãy kiểm tra hai mục này trong cài đặt của nơi nhận này (bấm Sửa trên thẻ của nó trong mục Nơi nhận), rồi gửi thử lại.',
      accessRefused:
        'Zithara từ chối lần gửi này (mã {{statusCode}}) dù Hookferry đã xin quyền truy cập mới: mã “Client ID” và khóa “Client Secret” có thể không được phép làm việc này. Hãy kiểm tra hai mục này trong cài đặt của nơi nhận này (bấm Sửa trên thẻ của nó trong mục Nơi nhận), rồi gửi thử lại.',
      refusedData: 'Zithara từ chối dữ liệu thử (mã {{statusCode}}), kèm lời nhắn của Zithara: “{{said}}”.',
    },
  },
  testEvent: {
    message: 'Đây là sự kiện thử từ Hookferry. Nếu bạn đọc được dòng này, nơi nhận đang hoạt động.',
    tokenOnly:
      'Hookferry thử nơi nhận này bằng cách xin {{kind}} quyền truy cập với thông tin đăng nhập của nó: {{kind}} chỉ cấp khi thông tin ấy đúng. Không có gì được gửi vào {{kind}}.',
  },
  spreadsheet: {
    time: 'Thời gian',
    source: 'Nguồn',
    event: 'Loại sự kiện',
    summary: 'Tóm tắt',
    status: 'Trạng thái',
    reason: 'Lý do bị từ chối',
    answer: 'Mã trả lời bên gửi',
    test: 'Sự kiện thử',
    bodyTooLong:
      'Nội dung này có {{length}} ký tự, nhiều hơn một ô bảng tính chứa được ({{most}}). Hãy xuất bản sao lưu đầy đủ (NDJSON) trong Cài đặt để xem toàn bộ nội dung.',
    cellCut:
      ' … [Đã cắt tại đây: nội dung này có {{length}} ký tự, nhiều hơn một ô bảng tính chứa được ({{most}}). Bản sao lưu đầy đủ (NDJSON) trong Cài đặt có toàn bộ nội dung.]',
    sheet: 'Sự kiện',
  },
  schedule: {
    retryOnce:
      'Nếu gửi lỗi, Hookferry chờ {{waits}} rồi thử thêm một lần; nếu vẫn lỗi, sự kiện chờ bạn trong mục Lỗi gửi.',
    retries:
      'Nếu gửi lỗi, Hookferry chờ {{waits}} giữa các lần thử và thử lần cuối {{total}} sau lần thử đầu; nếu vẫn lỗi, sự kiện chờ bạn trong mục Lỗi gửi.',
    once: 'thử một lần, không thử lại',
    appliesToWaiting:
      'Khi lưu, lịch mới cũng áp dụng cho các sự kiện đang chờ thử lại ở đây: lần thử kế tiếp theo lịch mới, tính từ lúc lưu; sự kiện nào đã thử đủ số lần thì được thử lần cuối ngay.',
    onceWithWaiting:
      'Lịch: mỗi sự kiện mới được thử một lần, không thử lại; những sự kiện đang chờ thử lại ở đây được thử một lần cuối ngay khi bạn lưu, và nếu vẫn lỗi thì chờ bạn trong mục Lỗi gửi.',
    notYet: 'Lịch: sẽ hiện khi các số ở trên nằm trong giới hạn cho phép.',
    minutes: '{{n, number}} phút',
    hours: '{{n, number}} giờ',
    seconds: '{{n, number}} giây',
    days: '{{n, number}} ngày',
  },
};
