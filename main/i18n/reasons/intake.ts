/**
 * Why the intake refused a request, in the merchant's languages (i18next
 * interpolation). The English text is also the sentence the sender gets and the
 * log keeps, so the two never drift apart.
 */
export const intakeReasons = {
  en: {
    'intake.unknownToken': 'No source has this address. Copy the intake URL again from Hookferry → Sources.',
    'intake.badAddress':
      'This address is not written correctly, so Hookferry could not read it. Copy the intake URL again from Hookferry → Sources.',
    'intake.ownEvent':
      'This is Hookferry’s own delivery of event {{id}} coming back: a destination sends to this Hookferry’s intake address, which would repeat without end. Point that destination at another address.',
    'intake.tooLarge':
      'The body is larger than the {{size}} limit. If this sender really sends events this large, raise the limit in Settings.',
    'intake.rateLimited':
      'Too many requests from this source. Hookferry takes {{perMinute}} a minute; try again in {{seconds}} seconds.',
    'intake.tooManyFailures':
      'Too many requests from {{address}} failed verification. Requests that verify are still taken; try again in {{seconds}} seconds.',
    'intake.headerMissing':
      'The {{header}} header is missing. Add it to the sender’s webhook as a custom header, with the value set in Hookferry → Sources.',
    'intake.headerWrong':
      'The {{header}} header does not carry the expected value. Make the value in the sender’s webhook the same as in Hookferry → Sources. Hookferry does not show a saved value again: if you no longer have it, press Generate on this source in Hookferry → Sources, save, and enter the new value in the sender.',
    'intake.signatureMissing': 'The signature header {{header}} is missing.',
    'intake.signatureWrong':
      'The signature in {{header}} does not match the body: check that the signing secret is the same on both sides.',
    'intake.secretLost':
      'This source has no usable secret (it was imported without one, or the data key changed). Enter the secret in Sources.',
    'intake.emptyJson': 'The body is empty, but the Content-Type says JSON.',
    'intake.emptyXml': 'The body is empty, but the Content-Type says XML.',
    'intake.invalidJson': 'The body is not valid JSON at line {{line}}, column {{column}}: {{problem}}.',
    'intake.invalidXml': 'The body is not valid XML at line {{line}}, column {{column}}: {{problem}}',
    'intake.tooDeep':
      'The body is nested deeper than {{limit}} levels. No shop sends such bodies; Hookferry refuses them so they cannot stall it.',
    'intake.tooManyParts':
      'The body holds more than {{limit}} values, elements or fields. Reading that many would hold up every other event, so Hookferry refuses it; a larger body limit in Settings allows more.',
    'intake.tooLongToRead':
      'Reading this body took more than {{seconds}} seconds, so Hookferry stopped and refused it: no shop’s event takes that long. A larger body limit in Settings allows more time.',
    'intake.tooBigToRead':
      'Reading this body needed more than {{mb}} MB of memory, so Hookferry stopped and refused it. Ask the sender to send smaller events.',
    'intake.readerBusy':
      'Hookferry is reading {{count}} other large bodies. Send this one again in {{seconds}} seconds.',
    'intake.readerStopped':
      'Hookferry could not read this body ({{problem}}) and did not keep it. Send it again in {{seconds}} seconds.',
    'intake.xmlDoctype':
      'The XML body declares a DOCTYPE or entities. Webhooks do not need them and they can read files or blow up in size, so Hookferry refuses them.',
    'intake.notHttp':
      'This is not an HTTP request Hookferry can read (its first line or headers are not written as HTTP says). Send the webhook as an ordinary HTTP POST to the intake URL.',
    'intake.notHttpFrom':
      '{{address}} sent a request that is not written as HTTP, so Hookferry could not read it (400). Such requests from this address in the last minute: {{count}}.',
    'intake.http2':
      'This request came in HTTP/2, but Hookferry’s intake takes HTTP/1.1 only, so nothing was kept. Set the sender to send HTTP/1.1 (with curl, --http1.1 in place of --http2-prior-knowledge).',
    'intake.http2From':
      '{{address}} sent a request in HTTP/2, but Hookferry’s intake takes HTTP/1.1 only, so nothing was kept (505). Set that sender to send HTTP/1.1. Such requests from this address in the last minute: {{count}}.',
    'intake.headersTooLarge':
      'The request’s headers are larger than Hookferry reads (16 KB in all). Send the webhook with fewer or shorter headers.',
    'intake.headersTooLargeFrom':
      '{{address}} sent headers larger than 16 KB, so Hookferry did not read the request (431). Such requests from this address in the last minute: {{count}}.',
    'intake.timedOut':
      'The request took more than {{seconds}} seconds to arrive, so Hookferry stopped waiting and kept nothing. Send it again; if this keeps happening, the connection to Hookferry is too slow.',
    'intake.postOnly':
      'This is a source’s intake address: senders POST their webhooks to it, and opening it in a browser (GET) sends nothing. Set it as the webhook address in the sender.',
    'intake.openedInBrowser':
      'This is the address where Hookferry receives events for the source “{{source}}”, and Hookferry answers here. The POS or online shop sends its events here by itself, so there is nothing to see in a browser. Which address to give the sender is in Hookferry → Sources: a sender on the internet needs the public address.',
    'intake.openedInBrowserSecretLost':
      'This is the address of the source “{{source}}”, but Hookferry refuses everything sent to it now: this source has no usable secret (it was imported without one, or the data key changed). Enter the secret in Hookferry → Sources, then press Save.',
    'intake.unknownCharset':
      'The body says it is written in the character set “{{charset}}”, which Hookferry does not know, so it cannot read it. Have the sender write it in UTF-8 (or name a common character set such as ISO-8859-1, windows-1252 or UTF-16 in its Content-Type or XML declaration).',
    'intake.compressed':
      'The body is compressed ({{encoding}}), and Hookferry takes bodies as they are, uncompressed. Turn compression off for this webhook in the sender.',
    'intake.contentTypeUnreadable':
      'The request’s Content-Type header, “{{contentType}}”, is not a type Hookferry can read (it should look like “application/json”), so Hookferry kept nothing. Set the webhook’s content type in the sender to what its body is: application/json for JSON, application/xml for XML, application/x-www-form-urlencoded for a form.',
    'intake.xmlReservedName':
      'The XML body has an element or attribute named {{name}}, which Hookferry refuses: read as data, that name could change how every other value is read. Ask the sender to rename it.',
    'intake.unreadable': 'The request could not be read: {{problem}}',
    'intake.tooIntricate':
      'The body is built in a way too intricate to read (it nests or repeats past what Hookferry can follow), so Hookferry refused it. No shop sends such bodies; check what the sender sends.',
    'intake.tooSlow':
      '{{address}} took more than {{seconds}} seconds to send a request, so Hookferry cut it off (408). Requests cut off from this address in the last minute: {{count}}.',
    'intake.bodiesFull':
      'Hookferry is receiving as many bodies at once as it holds in memory ({{mb}} MB together), so it did not read this one and kept nothing. Send it again in {{seconds}} seconds.',
    'intake.bodiesFullFrom':
      '{{address}} sent bodies while Hookferry was receiving as many at once as it holds in memory ({{mb}} MB together), so they were answered 503 unread. Bodies refused from this address in the last minute: {{count}}.',
    'intake.tooManyConnections':
      '{{address}} opened more than {{limit}} connections at once; Hookferry closed the extra ones unanswered. Connections closed in the last minute: {{count}}.',
    'intake.expectation':
      'The request asks for “Expect: {{expect}}”, which Hookferry does not answer (it answers only 100-continue), so it kept nothing. Send the webhook without that header.',
    'intake.expectationFrom':
      '{{address}} sent a request with an Expect header Hookferry does not answer, so it was refused (417). Such requests from this address in the last minute: {{count}}.',
    'intake.refusalsNotKept':
      'Refused, and not kept: Hookferry keeps at most {{kb}} KB of refused requests an hour for each source (and as much for addresses no source has), so that a flood cannot fill the disk, and that much was already kept. Each request was still answered, the last from {{address}}. Requests refused unkept in the last minute: {{count}}. The entries before this one say why they were refused.',
  },
  vi: {
    'intake.unknownToken': 'Không có nguồn nào dùng địa chỉ này. Hãy chép lại địa chỉ nhận trong Hookferry → Nguồn.',
    'intake.badAddress':
      'Địa chỉ này viết không đúng nên Hookferry không đọc được. Hãy chép lại địa chỉ nhận trong Hookferry → Nguồn.',
    'intake.ownEvent':
      'Đây là sự kiện {{id}} do chính Hookferry gửi đi và quay lại: một nơi nhận đang gửi tới địa chỉ nhận của chính Hookferry này, sẽ lặp mãi không dừng. Hãy đổi nơi nhận đó sang địa chỉ khác.',
    'intake.tooLarge':
      'Nội dung lớn hơn giới hạn {{size}}. Nếu hệ thống gửi thật sự gửi sự kiện lớn như vậy, hãy nâng giới hạn trong Cài đặt.',
    'intake.rateLimited':
      'Nguồn này gửi quá nhiều yêu cầu. Hookferry nhận {{perMinute}} yêu cầu mỗi phút; hãy thử lại sau {{seconds}} giây.',
    'intake.tooManyFailures':
      'Quá nhiều yêu cầu từ {{address}} không qua được xác minh. Các yêu cầu xác minh đúng vẫn được nhận; hãy thử lại sau {{seconds}} giây.',
    'intake.headerMissing':
      'Yêu cầu thiếu trường tiêu đề {{header}}. Hãy thêm trường này vào phần tiêu đề tùy chỉnh (header) trong mục Webhook của hệ thống gửi, với giá trị đã đặt trong Hookferry → Nguồn.',
    'intake.headerWrong':
      'Trường tiêu đề (header) {{header}} không mang giá trị mong đợi. Hãy đặt giá trị của nó ở hệ thống gửi giống hệt giá trị trong Hookferry → Nguồn. Hookferry không hiện lại giá trị đã lưu: nếu không còn giữ nó, hãy bấm Tạo ngẫu nhiên ở nguồn này trong Hookferry → Nguồn, bấm Lưu, rồi nhập giá trị mới ở hệ thống gửi.',
    'intake.signatureMissing': 'Yêu cầu thiếu trường tiêu đề chứa chữ ký, {{header}}.',
    'intake.signatureWrong':
      'Chữ ký trong {{header}} không khớp với nội dung: hãy kiểm tra khóa ký ở hai bên có giống nhau không.',
    'intake.secretLost':
      'Nguồn này chưa có khóa bí mật dùng được (nhập từ tệp cấu hình không kèm khóa, hoặc khóa dữ liệu đã thay đổi). Hãy nhập khóa bí mật trong Nguồn.',
    'intake.emptyJson': 'Nội dung trống, nhưng Content-Type ghi là JSON.',
    'intake.emptyXml': 'Nội dung trống, nhưng Content-Type ghi là XML.',
    'intake.invalidJson': 'Nội dung không phải JSON hợp lệ tại dòng {{line}}, cột {{column}}: {{problem}}.',
    'intake.invalidXml': 'Nội dung không phải XML hợp lệ tại dòng {{line}}, cột {{column}}: {{problem}}',
    'intake.tooDeep':
      'Nội dung lồng sâu hơn {{limit}} cấp. Không cửa hàng nào gửi nội dung như vậy; Hookferry từ chối để không bị treo.',
    'intake.tooManyParts':
      'Nội dung có hơn {{limit}} giá trị, phần tử hoặc trường. Đọc nhiều như vậy sẽ làm chậm mọi sự kiện khác, nên Hookferry từ chối; tăng giới hạn nội dung trong Cài đặt sẽ cho phép nhiều hơn.',
    'intake.tooLongToRead':
      'Đọc nội dung này mất hơn {{seconds}} giây nên Hookferry đã dừng và từ chối: không sự kiện nào của cửa hàng cần lâu như vậy. Tăng giới hạn nội dung trong Cài đặt sẽ cho thêm thời gian.',
    'intake.tooBigToRead':
      'Đọc nội dung này cần hơn {{mb}} MB bộ nhớ nên Hookferry đã dừng và từ chối. Hãy yêu cầu hệ thống gửi gửi sự kiện nhỏ hơn.',
    'intake.readerBusy':
      'Hookferry đang đọc {{count}} nội dung lớn khác. Hãy gửi lại nội dung này sau {{seconds}} giây.',
    'intake.readerStopped':
      'Hookferry không đọc được nội dung này ({{problem}}) và chưa lưu nó. Hãy gửi lại sau {{seconds}} giây.',
    'intake.xmlDoctype':
      'Nội dung XML khai báo DOCTYPE hoặc thực thể. Sự kiện gửi tới không cần chúng, và chúng có thể đọc tệp hoặc phình to, nên Hookferry từ chối.',
    'intake.notHttp':
      'Yêu cầu này viết sai định dạng (dòng đầu hoặc các trường tiêu đề) nên Hookferry không đọc được. Hãy gửi sự kiện bằng một yêu cầu POST thông thường tới địa chỉ nhận.',
    'intake.notHttpFrom':
      '{{address}} gửi một yêu cầu viết sai định dạng nên Hookferry không đọc được (400). Số yêu cầu như vậy từ địa chỉ này trong phút vừa qua: {{count}}.',
    'intake.http2':
      'Yêu cầu này được gửi bằng giao thức “HTTP/2”, nhưng địa chỉ nhận của Hookferry chỉ nhận “HTTP/1.1”, nên không có gì được lưu. Hãy chỉnh nơi gửi để gửi bằng “HTTP/1.1” (với curl: dùng “--http1.1” thay cho “--http2-prior-knowledge”).',
    'intake.http2From':
      '{{address}} gửi một yêu cầu bằng giao thức “HTTP/2”, nhưng địa chỉ nhận của Hookferry chỉ nhận “HTTP/1.1”, nên không có gì được lưu (505). Hãy chỉnh nơi gửi đó để gửi bằng “HTTP/1.1”. Số yêu cầu như vậy từ địa chỉ này trong phút vừa qua: {{count}}.',
    'intake.headersTooLarge':
      'Các trường tiêu đề của yêu cầu lớn hơn mức Hookferry đọc (tổng cộng 16 KB). Hãy gửi sự kiện với ít trường tiêu đề hơn hoặc ngắn hơn.',
    'intake.headersTooLargeFrom':
      '{{address}} gửi các trường tiêu đề lớn hơn 16 KB nên Hookferry không đọc yêu cầu (431). Số yêu cầu như vậy từ địa chỉ này trong phút vừa qua: {{count}}.',
    'intake.timedOut':
      'Yêu cầu mất hơn {{seconds}} giây mới tới nên Hookferry thôi chờ và không lưu gì. Hãy gửi lại; nếu việc này lặp lại, kết nối tới Hookferry quá chậm.',
    'intake.postOnly':
      'Đây là địa chỉ nhận của một nguồn: nơi gửi dùng POST để gửi sự kiện tới đây, còn mở bằng trình duyệt (GET) thì không gửi gì. Hãy đặt địa chỉ này làm địa chỉ nhận sự kiện trong nơi gửi.',
    'intake.openedInBrowser':
      'Đây là địa chỉ Hookferry nhận sự kiện cho nguồn “{{source}}”, và Hookferry trả lời tại đây. Máy POS hoặc cửa hàng trực tuyến tự gửi sự kiện tới đây, nên mở bằng trình duyệt sẽ không thấy gì. Địa chỉ cần đưa cho nơi gửi nằm trong Hookferry → Nguồn: nơi gửi trên internet cần địa chỉ công khai.',
    'intake.openedInBrowserSecretLost':
      'Đây là địa chỉ của nguồn “{{source}}”, nhưng hiện Hookferry từ chối mọi thứ gửi tới đây: nguồn này không có bí mật dùng được (được nhập từ tệp cấu hình không kèm bí mật, hoặc khóa dữ liệu đã đổi). Hãy nhập bí mật trong Hookferry → Nguồn, rồi bấm Lưu.',
    'intake.unknownCharset':
      'Nội dung ghi rằng nó được viết bằng bảng mã “{{charset}}”, mà Hookferry không biết, nên không đọc được. Hãy để nơi gửi viết nội dung bằng UTF-8 (hoặc ghi một bảng mã thông dụng như ISO-8859-1, windows-1252 hay UTF-16 trong Content-Type hoặc phần khai báo XML).',
    'intake.compressed':
      'Nội dung đã bị nén ({{encoding}}), còn Hookferry nhận nội dung nguyên dạng, không nén. Hãy tắt nén cho sự kiện này trong phần cài đặt của nơi gửi.',
    'intake.contentTypeUnreadable':
      'Trường tiêu đề Content-Type của yêu cầu, “{{contentType}}”, không phải một kiểu nội dung mà Hookferry đọc được (nó phải có dạng như “application/json”), nên Hookferry không lưu gì. Hãy đặt kiểu nội dung của sự kiện trong phần cài đặt của nơi gửi đúng với nội dung: application/json cho JSON, application/xml cho XML, application/x-www-form-urlencoded cho biểu mẫu.',
    'intake.xmlReservedName':
      'Nội dung XML có phần tử hoặc thuộc tính tên {{name}}, Hookferry từ chối tên này: khi đọc thành dữ liệu, nó có thể làm sai cách đọc mọi giá trị khác. Hãy nhờ nơi gửi đổi tên.',
    'intake.unreadable': 'Không đọc được yêu cầu: {{problem}}',
    'intake.tooIntricate':
      'Nội dung có cấu trúc quá rối để đọc (lồng nhau hoặc lặp lại quá mức Hookferry theo được), nên Hookferry đã từ chối. Không cửa hàng nào gửi nội dung như vậy; hãy kiểm tra hệ thống gửi đang gửi gì.',
    'intake.tooSlow':
      '{{address}} mất hơn {{seconds}} giây để gửi một yêu cầu nên Hookferry đã ngắt (408). Số yêu cầu bị ngắt từ địa chỉ này trong phút vừa qua: {{count}}.',
    'intake.bodiesFull':
      'Hookferry đang nhận cùng lúc nhiều nội dung nhất mà nó giữ được trong bộ nhớ (tổng cộng {{mb}} MB), nên chưa đọc nội dung này và không lưu gì. Hãy gửi lại sau {{seconds}} giây.',
    'intake.bodiesFullFrom':
      '{{address}} gửi nội dung khi Hookferry đang nhận cùng lúc nhiều nội dung nhất mà nó giữ được trong bộ nhớ (tổng cộng {{mb}} MB), nên chúng bị trả lời 503 mà không đọc. Số nội dung bị từ chối từ địa chỉ này trong phút vừa qua: {{count}}.',
    'intake.tooManyConnections':
      '{{address}} mở hơn {{limit}} kết nối cùng lúc; Hookferry đã đóng các kết nối thừa mà không trả lời. Số kết nối bị đóng trong phút vừa qua: {{count}}.',
    'intake.expectation':
      'Yêu cầu đòi “Expect: {{expect}}”, điều Hookferry không đáp ứng (Hookferry chỉ đáp ứng 100-continue), nên không lưu gì. Hãy gửi sự kiện mà không có trường tiêu đề (header) đó.',
    'intake.expectationFrom':
      '{{address}} đã gửi một yêu cầu có trường tiêu đề (header) Expect mà Hookferry không đáp ứng nên bị từ chối (417). Số yêu cầu như vậy từ địa chỉ này trong phút vừa qua: {{count}}.',
    'intake.refusalsNotKept':
      'Đã từ chối và không lưu lại: mỗi giờ Hookferry chỉ lưu tối đa {{kb}} KB yêu cầu bị từ chối cho mỗi nguồn (và chừng ấy cho các địa chỉ không thuộc nguồn nào) để một đợt gửi ồ ạt không làm đầy ổ đĩa, và mức đó đã đầy. Mỗi yêu cầu vẫn được trả lời, yêu cầu cuối đến từ {{address}}. Số yêu cầu bị từ chối mà không lưu trong phút vừa qua: {{count}}. Các mục trước mục này cho biết lý do bị từ chối.',
  },
} as const;

export type IntakeReasonCode = keyof (typeof intakeReasons)['en'];
