/**
 * Why the admin API refused a request it could read (a save, a resend, an import), in English and
 * Vietnamese, by code. The API answers the English sentence and the code; the dashboard shows the
 * sentence in the merchant's language.
 */
export const adminReasons = {
  en: {
    'admin.rejectedNoResend':
      'A rejected request was never accepted, so there is nothing to resend. Ask the sender to send it again.',
    'admin.testNoResend':
      'A test event is not resent: it was tried once and is never counted as an order. To try again, press Send test event on the destination’s card.',
    'admin.discardWhileSending':
      'This event is being sent to {{name}} right now, so it was not discarded: it may arrive there. Wait a moment for the result: if that try fails, you can discard it then; if it goes through, there is nothing to discard.',
    'admin.configNotJson':
      'This file is not a Hookferry configuration: it is not JSON text. Choose the file that “Export configuration” saved.',
    'admin.configTooDeep':
      'This file is not a Hookferry configuration: its parts are nested more than {{limit}} levels deep, which no exported configuration is. Choose the file that “Export configuration” saved.',
    'admin.configNoMark':
      'This file is not a Hookferry configuration: it has no “hookferry” version mark. Choose the file that “Export configuration” saved.',
    'admin.configVersion':
      'This configuration file has version {{found}}; this Hookferry reads version {{expected}}. Update Hookferry, or export the configuration again.',
    'admin.noSuchSource':
      'One of the chosen sources is no longer here ({{id}}); it may have been deleted. Choose the destination’s sources again, then save.',
    'admin.onlySourceOf':
      'Destination “{{destination}}” takes events only from this source: deleted, it would leave that destination taking events from no source. Choose other sources for it in Destinations (or delete it) first, then delete this source.',
    'admin.configUnknownSource':
      'Destination “{{destination}}” is set to take events from a source named “{{source}}”, which is neither here nor in this file: imported without it, it could take events from sources it was never meant for. Add that source to the file, or take its name out of the destination, then import again.',
    'admin.samePorts':
      'The intake port and the dashboard port are both {{port}}, so Hookferry would not start. Choose another port for one of them.',
    'admin.ownUrlMissing':
      'Enter the public address of your own tunnel or port forward (for example https://shop.example.com).',
    'admin.ngrokAuthtokenMissing': 'Paste your ngrok authtoken (dashboard.ngrok.com → Your Authtoken) to use ngrok.',
    'admin.unknownKind': 'Hookferry has no destination kind called “{{name}}”.',
    'admin.signatureHeaderMissing': 'Name the header that carries the signature (for example X-Signature).',
    'admin.signingSecretMissing': 'Enter the signing secret the sender uses; without it no request can be verified.',
    'admin.headerValueMissing': 'Enter the value the {{header}} header must carry.',
    'admin.previewNoEvent':
      'No event has arrived yet to preview with: a preview shows what the transformation makes of a real order. Once your shop has sent one, press Preview again.',
    'admin.previewNoSuchEvent':
      'That event is no longer here to preview with (the retention setting may have removed it). Press Preview to use the newest event instead.',
    'admin.noSuchCall':
      'Hookferry has no admin call at this address. Check the address, or update the program that calls it.',
    'admin.notHttp':
      'This is not an HTTP request Hookferry can read. Open the dashboard from the address Hookferry printed when it started.',
    'admin.headersTooLarge':
      'The request’s headers are larger than Hookferry reads (16 KB in all), often from many old cookies for 127.0.0.1. Clear this site’s cookies in the browser and open the dashboard again.',
    'admin.timedOut': 'The request took too long to arrive, so Hookferry stopped waiting. Try again.',
    'admin.protoKey':
      'The request has a key named __proto__ or constructor, which Hookferry refuses: such a key could change how every other value is read. Remove it and send the request again.',
    'admin.noSuchPage':
      'There is nothing at this address. Open the dashboard from Hookferry (the address printed at start, or the tray menu).',
    'admin.badAddress':
      'This address is not written correctly, so Hookferry could not read it. Open the dashboard from Hookferry again (the address printed at start, or the tray menu).',
    'admin.resumeUrlSecretMissing':
      '“{{name}}” cannot be resumed yet: Hookferry does not have the value of {{param}} in its address (the configuration was imported without it). Press Edit on its card under Destinations, put the value in place of [redacted] and save; then press Resume.',
    'admin.secretsToOtherSite':
      'Not saved: the new address is on another site, {{host}}, and these secrets were entered for the old one: {{names}}. Type their values for {{host}}, or choose whether to keep them (send them to {{host}} too) or remove them, then save again.',
    'admin.intakeOnDashboardPort':
      'This is Hookferry’s dashboard port; nothing sent here is received. Webhooks go to the intake address, {{intake}}: copy each source’s address from Hookferry → Sources.',
    'admin.exportsBusy':
      '{{running}} exports are already running, the most Hookferry makes at once (so that orders keep arriving quickly), so this one was not started. Export again once one of them has finished (a large one can take a few minutes). One you started on a Settings page can be stopped there with Cancel export (or by closing the window downloading it); one started by a program ends by itself.',
  },
  vi: {
    'admin.rejectedNoResend':
      'Yêu cầu bị từ chối chưa từng được nhận, nên không có gì để gửi lại. Hãy nhờ nơi gửi gửi lại.',
    'admin.testNoResend':
      'Sự kiện thử không được gửi lại: nó chỉ được thử một lần và không bao giờ được tính là đơn hàng. Muốn thử lại, hãy bấm Gửi sự kiện thử trên thẻ của nơi nhận.',
    'admin.discardWhileSending':
      'Sự kiện này đang được gửi tới {{name}} ngay lúc này, nên chưa bị bỏ: nó có thể đến nơi. Hãy chờ một chút để biết kết quả: nếu lần gửi này lỗi, bạn có thể bỏ nó sau đó; nếu gửi thành công thì không còn gì để bỏ.',
    'admin.configNotJson':
      'Tệp này không phải cấu hình Hookferry: nội dung không phải JSON. Hãy chọn tệp mà “Xuất cấu hình” đã lưu.',
    'admin.configTooDeep':
      'Tệp này không phải cấu hình Hookferry: các phần của nó lồng nhau sâu hơn {{limit}} tầng, điều mà không tệp cấu hình xuất ra nào có. Hãy chọn tệp mà “Xuất cấu hình” đã lưu.',
    'admin.configNoMark':
      'Tệp này không phải cấu hình Hookferry: không có dấu phiên bản “hookferry”. Hãy chọn tệp mà “Xuất cấu hình” đã lưu.',
    'admin.configVersion':
      'Tệp cấu hình này có phiên bản {{found}}; Hookferry này đọc phiên bản {{expected}}. Hãy cập nhật Hookferry, hoặc xuất lại cấu hình.',
    'admin.noSuchSource':
      'Một trong các nguồn đã chọn không còn nữa ({{id}}); có thể nó đã bị xóa. Hãy chọn lại các nguồn cho nơi nhận rồi lưu.',
    'admin.onlySourceOf':
      'Nơi nhận “{{destination}}” chỉ nhận sự kiện từ nguồn này: xóa nguồn thì nơi nhận đó sẽ không còn nhận sự kiện từ nguồn nào. Hãy chọn nguồn khác cho nó trong mục Nơi nhận (hoặc xóa nó) trước, rồi mới xóa nguồn này.',
    'admin.configUnknownSource':
      'Nơi nhận “{{destination}}” được đặt để nhận sự kiện từ nguồn tên “{{source}}”, nhưng nguồn này không có ở đây cũng không có trong tệp: nhập mà thiếu nguồn đó, nơi nhận có thể nhận sự kiện từ những nguồn không dành cho nó. Hãy thêm nguồn đó vào tệp, hoặc bỏ tên nguồn khỏi nơi nhận, rồi nhập lại.',
    'admin.samePorts':
      'Cổng nhận và cổng bảng điều khiển đều là {{port}}, nên Hookferry sẽ không khởi động được. Hãy chọn cổng khác cho một trong hai.',
    'admin.ownUrlMissing':
      'Hãy nhập địa chỉ công khai của đường hầm hoặc chuyển cổng của bạn (ví dụ https://shop.example.com).',
    'admin.ngrokAuthtokenMissing':
      'Hãy dán authtoken ngrok của bạn (dashboard.ngrok.com → Your Authtoken) để dùng ngrok.',
    'admin.unknownKind': 'Hookferry không có loại nơi nhận nào tên “{{name}}”.',
    'admin.signatureHeaderMissing': 'Hãy nhập tên trường tiêu đề chứa chữ ký (ví dụ X-Signature).',
    'admin.signingSecretMissing': 'Hãy nhập khóa ký mà nơi gửi dùng; không có nó thì không xác minh được yêu cầu nào.',
    'admin.headerValueMissing': 'Hãy nhập giá trị mà trường tiêu đề {{header}} phải mang.',
    'admin.previewNoEvent':
      'Chưa có sự kiện nào đến để xem trước: bản xem trước cho thấy phép chuyển đổi biến một đơn hàng thật thành gì. Khi cửa hàng đã gửi một đơn, hãy bấm Xem trước lần nữa.',
    'admin.previewNoSuchEvent':
      'Sự kiện đó không còn ở đây để xem trước (có thể đã bị xóa theo cài đặt thời gian lưu). Hãy bấm Xem trước để dùng sự kiện mới nhất.',
    'admin.noSuchCall':
      'Hookferry không có lệnh quản trị nào ở địa chỉ này. Hãy kiểm tra lại địa chỉ, hoặc cập nhật chương trình đang gọi nó.',
    'admin.notHttp':
      'Yêu cầu này viết sai định dạng nên Hookferry không đọc được. Hãy mở bảng điều khiển từ địa chỉ Hookferry in ra lúc khởi động.',
    'admin.headersTooLarge':
      'Các trường tiêu đề của yêu cầu lớn hơn mức Hookferry đọc (tổng cộng 16 KB), thường do nhiều cookie cũ của 127.0.0.1. Hãy xóa cookie của trang này trong trình duyệt rồi mở lại bảng điều khiển.',
    'admin.timedOut': 'Yêu cầu mất quá lâu mới tới nên Hookferry thôi chờ. Hãy thử lại.',
    'admin.protoKey':
      'Yêu cầu có khóa tên __proto__ hoặc constructor, Hookferry từ chối khóa này: nó có thể làm sai cách đọc mọi giá trị khác. Hãy bỏ khóa đó rồi gửi lại.',
    'admin.noSuchPage':
      'Không có gì ở địa chỉ này. Hãy mở bảng điều khiển từ Hookferry (địa chỉ in ra khi khởi động, hoặc menu ở khay hệ thống).',
    'admin.badAddress':
      'Địa chỉ này viết không đúng nên Hookferry không đọc được. Hãy mở lại bảng điều khiển từ Hookferry (địa chỉ in ra khi khởi động, hoặc menu ở khay hệ thống).',
    'admin.resumeUrlSecretMissing':
      'Chưa thể tiếp tục “{{name}}”: Hookferry chưa có giá trị {{param}} trong địa chỉ của nơi nhận này (cấu hình được nhập vào không kèm giá trị này). Hãy bấm Sửa trên thẻ của nó trong mục Nơi nhận, điền giá trị vào chỗ [đã ẩn] rồi lưu; sau đó bấm Tiếp tục.',
    'admin.secretsToOtherSite':
      'Chưa lưu: địa chỉ mới thuộc một trang khác, {{host}}, còn các thông tin bí mật sau được nhập cho địa chỉ cũ: {{names}}. Hãy nhập giá trị của chúng cho {{host}}, hoặc chọn giữ lại (gửi cả tới {{host}}) hay xóa chúng, rồi lưu lại.',
    'admin.intakeOnDashboardPort':
      'Đây là cổng bảng điều khiển của Hookferry; gửi tới đây sẽ không được nhận. Sự kiện phải được gửi tới địa chỉ nhận, {{intake}}: hãy sao chép địa chỉ của từng nguồn trong Hookferry → Nguồn.',
    'admin.exportsBusy':
      'Đang có {{running}} lượt xuất dữ liệu chạy, là mức nhiều nhất Hookferry làm cùng lúc (để đơn hàng vẫn tới nhanh), nên lượt này chưa được bắt đầu. Hãy xuất lại khi một trong các lượt đó xong (lượt lớn có thể mất vài phút). Lượt bạn bắt đầu ở trang Cài đặt có thể dừng ngay ở đó bằng nút Hủy xuất (hoặc đóng cửa sổ đang tải nó); lượt do một chương trình bắt đầu sẽ tự kết thúc.',
  },
} as const;
