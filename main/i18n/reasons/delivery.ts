/**
 * Why a delivery attempt did not deliver, in English and Vietnamese, by code
 * (i18next interpolation). The engine writes its English sentences from the
 * `en` table too (see delivery/said.ts), so the two never drift apart.
 */
export const deliveryReasons = {
  en: {
    'delivery.answered': 'The destination answered {{status}}.',
    'delivery.serverError':
      'The destination answered {{status}}: the problem is on its side. If this goes on, tell whoever runs it.',
    'delivery.invalidStatus':
      'The destination answered {{status}}, which is not an HTTP status (they run from 100 to 599), so Hookferry cannot tell whether it took the event. Check the destination’s address; if it is right, tell whoever runs it.',
    'delivery.rejected':
      "The destination answered {{status}}: it refused this event. Check the destination's address and settings, then resend.",
    'delivery.gone':
      'The destination answered {{status}}: it no longer wants these events, so Hookferry stopped trying.',
    'delivery.redirect':
      'The destination answered {{status}} (a redirect). Use the final address as the destination URL.',
    'delivery.redirectTo':
      "The destination answered {{status}}, sending Hookferry on to {{location}}. Hookferry does not follow redirects: if that is the right address, make it the destination's URL.",
    'delivery.redirectSelf':
      'The destination answered {{status}}, sending Hookferry back to the same address in a circle. Tell whoever runs it.',
    'delivery.unauthorized': "The destination answered {{status}}: check the credentials in the destination's headers.",
    'delivery.slowDown': 'The destination answered {{status}}: it asked Hookferry to slow down.',
    'delivery.askedToWait':
      'The destination answered {{status}} and asked Hookferry to wait {{seconds}} s before trying again: the next try waits that long.',
    'delivery.askedToWaitLonger':
      "The destination answered {{status}} and asked Hookferry to wait {{asked}} s, longer than this destination's longest wait between tries: the next try comes in {{seconds}} s.",
    'delivery.timeout': 'No answer within {{seconds}} s.',
    'delivery.timeoutSent':
      'No answer within {{seconds}} s. The event was sent, so the destination may have received it all the same: Hookferry sends it again, and the destination may get it twice.',
    'delivery.timeoutSentLast':
      'No answer within {{seconds}} s, and that was the last try. The event was sent, so the destination may have received it all the same: look there before you resend it, or it may get it twice.',
    'delivery.interrupted':
      'Hookferry stopped (it was closed, restarted or the PC shut down) while this event was being sent, before an answer came. The destination may have received it all the same: Hookferry sends it again, and the destination may get it twice.',
    'delivery.refused': 'Connection refused: nothing is listening at {{host}}. Is the receiving program running?',
    'delivery.reset': 'The connection to {{host}} was cut before an answer came.',
    'delivery.resetSent':
      'The connection to {{host}} was cut after the event was sent, before an answer came. The destination may have received it all the same: Hookferry sends it again, and the destination may get it twice.',
    'delivery.resetSentLast':
      'The connection to {{host}} was cut after the event was sent, before an answer came, and that was the last try. The destination may have received it all the same: look there before you resend it, or it may get it twice.',
    'delivery.notFound': 'The address {{host}} could not be found. Check the URL and the internet connection.',
    'delivery.unreachable': '{{host}} cannot be reached from this PC right now.',
    'delivery.notTls':
      '{{host}} did not answer as a secure (https) address. If it is a plain http address, write the destination’s URL with http://.',
    'delivery.notHttp':
      '{{host}} answered with something that is not an HTTP answer. Check the destination’s address and its port.',
    'delivery.unreadableSent':
      '{{host}} answered the event, but its answer breaks the rules of HTTP (a header too large or malformed, a wrong length), so Hookferry cannot read it. The event was sent, so the destination may have received it all the same: Hookferry sends it again, and the destination may get it twice.',
    'delivery.unreadableSentLast':
      '{{host}} answered the event, but its answer breaks the rules of HTTP (a header too large or malformed, a wrong length), so Hookferry cannot read it, and that was the last try. The event was sent, so the destination may have received it all the same: look there before you resend it, or it may get it twice.',
    'delivery.switchedProtocols':
      '{{host}} answered as if it were a live connection (WebSocket), not a receiver of webhooks, so Hookferry does not count the event as delivered. Check the destination’s address: it should be the receiving program’s webhook address.',
    'delivery.network': 'The request to {{host}} failed: {{message}}',
    'delivery.certSelfSigned':
      '{{host}} showed a security certificate it made for itself (self-signed), which no recognised authority vouches for, so Hookferry cannot be sure it is really that address and sent nothing. Ask whoever runs it for a certificate from a recognised authority (Let’s Encrypt gives them free); if it is a program on this PC or the shop’s own network, you can write its address with http:// instead.',
    'delivery.certExpired':
      'The security certificate of {{host}} has expired, so Hookferry cannot trust the connection and sent nothing. First check that this PC’s date and time are right (a wrong clock makes good certificates look expired); if they are, tell whoever runs {{host}} to renew its certificate.',
    'delivery.certNotYetValid':
      'The security certificate of {{host}} is not valid yet (it starts at a later date), so Hookferry cannot trust the connection and sent nothing. Check that this PC’s date and time are right; if they are, tell whoever runs {{host}}.',
    'delivery.certWrongName':
      'The security certificate at {{host}} is made out to a different address, so Hookferry cannot be sure it is talking to the right site and sent nothing. Check the destination’s URL (the exact name, with or without “www.”); if it is right, tell whoever runs it that its certificate does not cover this name.',
    'delivery.certUnknownAuthority':
      'The security certificate of {{host}} was issued by an authority this PC does not know, so Hookferry cannot trust the connection and sent nothing. Tell whoever runs it: the server may leave out its intermediate certificates. Antivirus or a network that inspects secure connections can cause this too.',
    'delivery.certUntrusted':
      'The security certificate of {{host}} cannot be trusted ({{message}}), so Hookferry sent nothing. Tell whoever runs it.',
    'delivery.transformFailed': 'The transformation failed: {{message}}',
    'delivery.transformFailedAt': 'The transformation failed (at character {{position}}): {{message}}',
    'delivery.transformFailedAtLine': 'The transformation failed (at line {{line}}, column {{column}}): {{message}}',
    'delivery.transformRaised': 'The transformation reported: {{message}}',
    'delivery.transformTooLong':
      'The transformation took longer than {{seconds}} s and was stopped. An expression that repeats without end (a function that calls itself forever) does this; fix the expression, then resend.',
    'delivery.transformTooBig':
      'The transformation needed more than the {{mb}} MB of memory it may use and was stopped. Make the expression build less, then resend.',
    'delivery.transformOutputTooBig':
      'The transformation made {{mb}} MB, more than the {{max}} MB Hookferry sends from one. Make the expression pick only what the destination needs, then resend.',
    'delivery.transformStopped': 'The transformation stopped unexpectedly ({{message}}).',
    'delivery.transformUnreadable':
      'The transformation’s result could not be handed back to Hookferry ({{message}}). Make the expression build something simpler, then resend.',
    'delivery.transformTooDeep':
      'The transformation went deeper than Hookferry can follow: a function of it calls itself, or what it makes nests, thousands of levels deep. Fix the expression, then resend.',
    'delivery.transformGivesFunction':
      'The transformation gives a function where a value belongs, so nothing was sent. A function such as $uppercase is used with brackets around what it works on, as in $uppercase(name): fix the transformation, then resend.',
    'delivery.transformGivesNothing':
      'The transformation gave nothing for this event (most likely it names a field this event does not have), so nothing was sent. Fix the expression (Preview shows what it gives for an event), then resend.',
    'delivery.transformGivesEmpty':
      'The transformation made only an empty {} or [], or an empty text ("" or only spaces), for this event: none of the fields it names are in it (the event may come from another system than the one the expression was written for), so nothing was sent. Fix the expression (Preview shows what it gives for an event), or choose which events and sources this destination takes, then resend.',
    'delivery.stopping': 'Hookferry was stopping, so the transformation was not run.',
    'delivery.noWorker':
      'Transformations run only in the built engine (npm run build, then npm run serve); this development engine does not run them.',
    'delivery.cannotHand': 'The event’s body could not be handed to the transformation ({{message}}).',
    'delivery.tooDeep':
      'This event’s body is nested too deeply to be written out for the destination. Send it as received (body mode “raw”) or discard it.',
    'delivery.unpreparable': 'Hookferry could not prepare this event for the destination: {{message}}',
    'delivery.bodyBusy':
      'Hookferry was too busy to prepare this event’s body for the destination within {{seconds}} s: the PC had too much to do at once. Nothing is wrong with the event, and nothing was sent: Hookferry will try again later, as after any failed try.',
    'delivery.bodyInterrupted':
      'Preparing this event’s body for the destination stopped unexpectedly ({{message}}). Nothing was sent: Hookferry will try again later.',
    'delivery.bodyBusyLast':
      'Hookferry was too busy to prepare this event’s body for the destination within {{seconds}} s, at {{tries}} tries in a row, so it has stopped trying: the PC has had too much to do for a long while. Nothing is wrong with the event, and nothing was sent. Resend it when the PC is less busy (close programs you do not need, or restart the PC).',
    'delivery.bodyInterruptedLast':
      'Preparing this event’s body for the destination stopped unexpectedly ({{message}}), at {{tries}} tries in a row, so Hookferry has stopped trying. Nothing was sent. Restart Hookferry, then resend it.',
    // Said by versions before tries that ran out of time were made again: their tries in the history keep the code.
    'delivery.bodyTooLong':
      'Preparing this event’s body for the destination took longer than {{seconds}} s, so Hookferry stopped. Send it as received (body mode “raw”) or discard it.',
    'delivery.bodyTooBig':
      'Preparing this event’s body for the destination needed more than {{mb}} MB of memory, so Hookferry stopped. Send it as received (body mode “raw”) or discard it.',
    // Like delivery.bodyTooLong, kept for the tries older versions recorded.
    'delivery.bodyStopped':
      'Preparing this event’s body for the destination stopped unexpectedly ({{message}}). Resend it.',
    'delivery.unknownKind':
      '“{{name}}” is a {{kind}} destination, which this version of Hookferry cannot send to. Update Hookferry or delete the destination.',
    'delivery.headerUnsendable':
      'Hookferry could not send to {{host}}: the {{header}} header saved in this destination holds a line break, a control character or a letter outside Latin-1 (such as a Vietnamese accent), which no web request can carry, so nothing was sent. Edit the destination, type that value again on one line without them, then resend.',
    'delivery.urlSecretMissing':
      'Hookferry does not have the value of {{param}} in “{{name}}”’s address (the configuration was imported without it). Edit the destination, put the value in place of [redacted], then resend.',
    'zithara.noUse': 'Zithara has no use for {{type}} events (Hookferry maps orders, customers and carts).',
    'zithara.notObject': "The {{type}} body is not a JSON object, so it cannot be turned into Zithara's format.",
    'zithara.tooDeep':
      'This body is nested too deeply (thousands of levels) to be turned into Zithara’s format, so it would not be sent. No shop’s order nests so deep: check the body.',
    'zithara.noOrderId': 'The order has no id, which Zithara needs as platform_order_id.',
    'zithara.lineWithoutOrder': 'The order line has no order_id, so Hookferry cannot tell which order it belongs to.',
    'zithara.orderNeverReceived':
      'The order {{orderId}} this line belongs to was never received, so there is no order to send it with.',
    'zithara.noCustomerId': 'The customer has no id, which Zithara needs as platform_customer_id.',
    'zithara.walkIn':
      'Order {{order}} has no customer in Teamcrop (a walk-in sale), so it is not sent: Zithara records the orders of customers.',
    'zithara.guestCheckout':
      'This order was placed without a customer account (a guest checkout), so it is not sent: Zithara records the orders of customers.',
    'zithara.noEmail':
      'Zithara needs an email for every customer, and customer {{id}} has none. Add one in Teamcrop; the next edit will be sent.',
    'zithara.missing': 'The body lacks {{fields}}, which Zithara requires for {{what}}.',
    'zithara.answered': 'Zithara answered {{status}}: {{said}}',
    'zithara.answeredStatus': 'Zithara answered {{status}}.',
    'zithara.serverError':
      'Zithara answered {{status}}: {{said}}. The problem is on Zithara’s side, not in your data: if it goes on, tell Zithara.',
    'zithara.refusedData':
      "Zithara refused this data ({{status}}): {{said}}. It would refuse the same data again, so Hookferry stopped trying: correct it in the shop's system (its next change is sent), or resend once the cause is fixed.",
    'zithara.refused':
      "Zithara refused the client id and secret ({{status}}), so Hookferry does not try again: it would be refused the same way. Check them in this destination's settings (Edit on its card under Destinations), then resend what waits in Failed.",
    'zithara.accessRefused':
      "Zithara refused this call ({{status}}) even with a new access token, so Hookferry does not try again: the client id and secret may not allow it. Check them in this destination's settings (Edit on its card under Destinations), then resend it from Failed.",
    'zithara.noToken': 'Hookferry could not get a Zithara access token: {{problem}}',
    'zithara.noAccessToken': 'Zithara answered the token request without an access_token.',
    'zithara.unreachable':
      "Hookferry could not reach Zithara at {{host}} ({{why}}), so it could not ask for access and sent nothing; the client id and secret were not checked. Check the “Zithara API address” in this destination's settings (Edit on its card under Destinations) and this PC's internet connection.",
    'zithara.credentialsUnsendable':
      "The Zithara client id or secret saved in this destination holds a line break, a control character or a letter outside Latin-1 (such as a Vietnamese accent), which cannot be sent to Zithara, so Hookferry sent nothing and does not try again. Type them again in this destination's settings (Edit on its card under Destinations), exactly as Zithara gave them, then resend what waits in Failed.",
    'zithara.why.refused': 'nothing answered at that address',
    'zithara.why.timeout': 'no answer within {{seconds}} s',
    'zithara.why.notFound': 'that address could not be found',
    'zithara.why.certificate': 'its security certificate was not accepted; check this PC’s date and time too',
    'zithara.why.connection': 'the connection failed',
    'routing.none':
      'There are no destinations yet, so this event was only stored. It can still be sent: add a destination under Destinations; its card there offers to send it, with the other earlier ones (or press Resend to all here).',
    'routing.takenNow':
      'When this event arrived, no destination took {{type}}. Now this kind goes to {{names}}: Resend to all sends it there.',
    'routing.notTaken':
      'No destination takes {{type}}. To send such events, choose this kind in a destination’s events under Destinations.',
    'routing.destinationDeleted':
      'The destination this event was for was deleted before the event was delivered there, and its tries went with it. Resend to all sends it to the destinations that take it now.',
    'routing.deletedWhileSending':
      'The destination this event was for was deleted while the event was being sent there, and its tries went with it, so whether it arrived there is not known. Ask whoever runs that receiver; Resend to all sends it to the destinations that take it now.',
    'routing.deletedArrived':
      'The destination this event was for was deleted while the event was being sent there, and that try went through: the destination confirmed it got the event. Its tries went with the destination; nothing more is needed for this event.',
    'routing.deletedNotArrived':
      'The destination this event was for was deleted while the event was being sent there, and that try did not go through; its tries went with the destination. Resend to all sends it to the destinations that take it now.',
    'deleted.beforeArrival':
      'This destination was deleted before the event was sent there, so the event was given up here.',
    'deleted.afterTries':
      'This destination was deleted while the event waited there after tries that did not go through, so the event was given up here; those tries are listed below.',
    'deleted.whileSending':
      'This destination was deleted while the event was being sent there, so the event was given up here. Whether that last try arrived is not known: ask whoever runs that receiver.',
    'deleted.notArrived':
      'This destination was deleted while the event was being sent there, and that try did not go through, so the event was given up here.',
    'resend.destinationDeleted':
      '“{{name}}” was deleted, so nothing was sent there. Its history stays in this event; Resend to all sends it to the destinations that take it now.',
    'resend.alreadyDelivered':
      '{{names}} already confirmed getting this event, so it was not sent again, nor anywhere else: a second copy would be a second order in the books there. If it was lost there, open the event and press Resend: Hookferry asks before sending it a second time.',
    'resend.nowhere':
      'No destination takes {{type}} events now, so there is nowhere to send this one. Add a destination, or choose this event type in one.',
    'preview.noTransform': 'This destination has no transformation yet; type one to see what it makes of an event.',
    'preview.bodyBusy':
      'Hookferry was too busy to read this event’s body within {{seconds}} s: the PC had too much to do at once. Nothing is wrong with the event or the expression: try the preview again in a moment.',
    'preview.busy':
      'Hookferry is still working on {{count}} earlier previews or checks, so this one was not run. Orders are not held up by them. Wait a moment, then try again.',
    'preview.tooDeep':
      'For this event the transformation makes something nested more than {{max}} levels deep, too deep to show here. No shop’s data nests so deep: an expression that wraps its own result again and again does this. Check the expression.',
  },
  vi: {
    'delivery.answered': 'Nơi nhận trả lời mã {{statusCode}}.',
    'delivery.serverError':
      'Nơi nhận trả lời mã {{statusCode}}: lỗi nằm ở phía nơi nhận. Nếu lỗi kéo dài, hãy báo cho người quản lý nơi nhận.',
    'delivery.invalidStatus':
      'Nơi nhận trả lời mã {{statusCode}}, mà đây không phải mã trả lời hợp lệ của một trang web (các mã chỉ từ 100 đến 599), nên Hookferry không biết nơi nhận đã nhận sự kiện hay chưa. Hãy kiểm tra địa chỉ của nơi nhận; nếu địa chỉ đúng, hãy báo cho người quản lý nơi nhận.',
    'delivery.rejected':
      'Nơi nhận trả lời mã {{statusCode}}: nơi nhận từ chối sự kiện này. Hãy kiểm tra địa chỉ và cài đặt của nơi nhận, rồi gửi lại.',
    'delivery.gone':
      'Nơi nhận trả lời mã {{statusCode}}: nơi đó không muốn nhận các sự kiện này nữa, nên Hookferry đã ngừng gửi.',
    'delivery.redirect':
      'Nơi nhận trả lời mã {{statusCode}} (chuyển sang địa chỉ khác). Hãy dùng địa chỉ cuối cùng làm địa chỉ của nơi nhận.',
    'delivery.redirectTo':
      'Nơi nhận trả lời mã {{statusCode}}, chuyển Hookferry sang {{location}}. Hookferry không tự đi theo: nếu đó là địa chỉ đúng, hãy đặt nó làm địa chỉ của nơi nhận.',
    'delivery.redirectSelf':
      'Nơi nhận trả lời mã {{statusCode}}, chuyển Hookferry về lại chính địa chỉ đó, thành một vòng lặp. Hãy báo cho người quản lý nơi nhận.',
    'delivery.unauthorized':
      'Nơi nhận trả lời mã {{statusCode}}: nơi đó không nhận thông tin đăng nhập (khóa, mật khẩu) mà Hookferry gửi kèm. Hãy kiểm tra các trường tiêu đề trong cài đặt của nơi nhận này (bấm Sửa trên thẻ của nó trong mục Nơi nhận).',
    'delivery.slowDown': 'Nơi nhận trả lời mã {{statusCode}}: nơi đó yêu cầu Hookferry gửi chậm lại.',
    'delivery.askedToWait':
      'Nơi nhận trả lời mã {{statusCode}} và yêu cầu Hookferry chờ {{seconds}} giây rồi mới thử lại: lần thử tiếp theo sẽ chờ đúng chừng đó.',
    'delivery.askedToWaitLonger':
      'Nơi nhận trả lời mã {{statusCode}} và yêu cầu Hookferry chờ {{asked}} giây, lâu hơn thời gian chờ dài nhất giữa các lần thử của nơi nhận này: lần thử tiếp theo sẽ đến sau {{seconds}} giây.',
    'delivery.timeout': 'Không có trả lời trong {{seconds}} giây.',
    'delivery.timeoutSent':
      'Không có trả lời trong {{seconds}} giây. Sự kiện đã được gửi đi nên có thể nơi nhận vẫn đã nhận được: Hookferry sẽ gửi lại, và nơi nhận có thể nhận nó hai lần.',
    'delivery.timeoutSentLast':
      'Không có trả lời trong {{seconds}} giây, và đó là lần thử cuối. Sự kiện đã được gửi đi nên có thể nơi nhận vẫn đã nhận được: hãy kiểm tra ở nơi nhận trước khi gửi lại, kẻo nó nhận hai lần.',
    'delivery.interrupted':
      'Hookferry đã dừng (bị đóng, khởi động lại hoặc máy tính bị tắt) trong lúc đang gửi sự kiện này, trước khi có trả lời. Có thể nơi nhận vẫn đã nhận được: Hookferry sẽ gửi lại, và nơi nhận có thể nhận nó hai lần.',
    'delivery.refused':
      'Kết nối bị từ chối: không có chương trình nào đang nghe tại {{host}}. Chương trình nhận có đang chạy không?',
    'delivery.reset': 'Kết nối tới {{host}} bị ngắt trước khi có trả lời.',
    'delivery.resetSent':
      'Kết nối tới {{host}} bị ngắt sau khi sự kiện đã được gửi đi, trước khi có trả lời. Có thể nơi nhận vẫn đã nhận được: Hookferry sẽ gửi lại, và nơi nhận có thể nhận nó hai lần.',
    'delivery.resetSentLast':
      'Kết nối tới {{host}} bị ngắt sau khi sự kiện đã được gửi đi, trước khi có trả lời, và đó là lần thử cuối. Có thể nơi nhận vẫn đã nhận được: hãy kiểm tra ở nơi nhận trước khi gửi lại, kẻo nó nhận hai lần.',
    'delivery.notFound': 'Không tìm thấy địa chỉ {{host}}. Hãy kiểm tra địa chỉ của nơi nhận và kết nối internet.',
    'delivery.unreachable': 'Hiện không thể kết nối tới {{host}} từ máy này.',
    'delivery.notTls':
      '{{host}} không trả lời như một địa chỉ bảo mật (https). Nếu đó là địa chỉ thường, không bảo mật, hãy viết địa chỉ của nơi nhận bắt đầu bằng http://.',
    'delivery.notHttp':
      '{{host}} trả lời bằng thứ mà Hookferry không hiểu (không phải câu trả lời của một trang web). Hãy kiểm tra địa chỉ và cổng của nơi nhận.',
    'delivery.unreadableSent':
      '{{host}} đã trả lời sự kiện, nhưng câu trả lời sai chuẩn của một trang web (một trường tiêu đề quá lớn hoặc sai dạng, độ dài ghi sai) nên Hookferry không đọc được. Sự kiện đã được gửi đi nên có thể nơi nhận vẫn đã nhận được: Hookferry sẽ gửi lại, và nơi nhận có thể nhận nó hai lần.',
    'delivery.unreadableSentLast':
      '{{host}} đã trả lời sự kiện, nhưng câu trả lời sai chuẩn của một trang web (một trường tiêu đề quá lớn hoặc sai dạng, độ dài ghi sai) nên Hookferry không đọc được, và đó là lần thử cuối. Sự kiện đã được gửi đi nên có thể nơi nhận vẫn đã nhận được: hãy kiểm tra ở nơi nhận trước khi gửi lại, kẻo nó nhận hai lần.',
    'delivery.switchedProtocols':
      '{{host}} trả lời như một kết nối trực tiếp (WebSocket), không phải một nơi nhận sự kiện, nên Hookferry không tính là sự kiện đã được gửi tới. Hãy kiểm tra địa chỉ của nơi nhận: đó phải là địa chỉ mà chương trình nhận dùng để nhận sự kiện.',
    'delivery.network': 'Yêu cầu tới {{host}} thất bại: {{message}}',
    'delivery.certSelfSigned':
      '{{host}} đưa ra một chứng chỉ bảo mật do chính nó tự tạo (tự ký), không được tổ chức cấp chứng chỉ uy tín nào xác nhận, nên Hookferry không chắc đó đúng là địa chỉ này và đã không gửi gì. Hãy nhờ người quản lý nơi nhận dùng chứng chỉ của một tổ chức uy tín (Let’s Encrypt cấp miễn phí); nếu đó là chương trình trên máy này hoặc trong mạng nội bộ của cửa hàng, bạn có thể viết địa chỉ của nó bắt đầu bằng http://.',
    'delivery.certExpired':
      'Chứng chỉ bảo mật của {{host}} đã hết hạn, nên Hookferry không thể tin cậy kết nối và đã không gửi gì. Trước hết hãy kiểm tra ngày giờ của máy tính này có đúng không (đồng hồ sai khiến chứng chỉ còn hạn trông như đã hết hạn); nếu đúng, hãy báo người quản lý {{host}} gia hạn chứng chỉ.',
    'delivery.certNotYetValid':
      'Chứng chỉ bảo mật của {{host}} chưa đến ngày có hiệu lực, nên Hookferry không thể tin cậy kết nối và đã không gửi gì. Hãy kiểm tra ngày giờ của máy tính này có đúng không; nếu đúng, hãy báo người quản lý {{host}}.',
    'delivery.certWrongName':
      'Chứng chỉ bảo mật tại {{host}} được cấp cho một địa chỉ khác, nên Hookferry không chắc mình đang kết nối đúng nơi và đã không gửi gì. Hãy kiểm tra địa chỉ của nơi nhận (đúng tên, có hay không có “www.”); nếu địa chỉ đúng, hãy báo người quản lý nơi nhận rằng chứng chỉ của họ không bao gồm tên này.',
    'delivery.certUnknownAuthority':
      'Chứng chỉ bảo mật của {{host}} do một tổ chức mà máy tính này không biết cấp, nên Hookferry không thể tin cậy kết nối và đã không gửi gì. Hãy báo người quản lý nơi nhận: máy chủ của họ có thể thiếu các chứng chỉ trung gian. Phần mềm diệt virus hoặc mạng có kiểm tra các kết nối bảo mật cũng có thể gây ra lỗi này.',
    'delivery.certUntrusted':
      'Không thể tin cậy chứng chỉ bảo mật của {{host}} ({{message}}), nên Hookferry đã không gửi gì. Hãy báo người quản lý nơi nhận.',
    'delivery.transformFailed': 'Phép chuyển đổi thất bại: {{message}}',
    'delivery.transformFailedAt': 'Phép chuyển đổi thất bại (tại ký tự {{position}}): {{message}}',
    'delivery.transformFailedAtLine': 'Phép chuyển đổi thất bại (tại dòng {{line}}, cột {{column}}): {{message}}',
    'delivery.transformRaised': 'Biểu thức chuyển đổi báo lỗi: {{message}}',
    'delivery.transformTooLong':
      'Phép chuyển đổi chạy lâu hơn {{seconds}} giây nên đã bị dừng. Một biểu thức lặp mãi không dứt (hàm tự gọi chính nó mãi) sẽ như vậy; hãy sửa biểu thức rồi gửi lại.',
    'delivery.transformTooBig':
      'Phép chuyển đổi cần nhiều hơn {{mb}} MB bộ nhớ được phép nên đã bị dừng. Hãy để biểu thức tạo ra ít dữ liệu hơn rồi gửi lại.',
    'delivery.transformOutputTooBig':
      'Phép chuyển đổi tạo ra {{mb}} MB, nhiều hơn mức {{max}} MB Hookferry gửi đi từ một phép chuyển đổi. Hãy để biểu thức chỉ lấy những gì nơi nhận cần rồi gửi lại.',
    'delivery.transformStopped': 'Phép chuyển đổi dừng bất ngờ ({{message}}).',
    'delivery.transformUnreadable':
      'Không thể chuyển kết quả của phép chuyển đổi về cho Hookferry ({{message}}). Hãy sửa biểu thức để nó tạo ra thứ đơn giản hơn, rồi gửi lại.',
    'delivery.transformTooDeep':
      'Phép chuyển đổi đi sâu hơn mức Hookferry theo được: một hàm trong đó tự gọi lại chính nó, hoặc thứ nó tạo ra lồng nhau, sâu tới hàng nghìn tầng. Hãy sửa biểu thức, rồi gửi lại.',
    'delivery.transformGivesFunction':
      'Phép chuyển đổi cho ra một hàm ở chỗ cần một giá trị nên chưa gửi gì đi. Hàm như $uppercase phải có dấu ngoặc bao quanh thứ nó xử lý, ví dụ $uppercase(name): hãy sửa phép chuyển đổi rồi gửi lại.',
    'delivery.transformGivesNothing':
      'Phép chuyển đổi không cho ra gì với sự kiện này (nhiều khả năng biểu thức dùng tên một trường mà sự kiện này không có), nên chưa gửi gì đi. Hãy sửa biểu thức (bấm Xem trước để thấy nó cho ra gì với một sự kiện), rồi gửi lại.',
    'delivery.transformGivesEmpty':
      'Phép chuyển đổi chỉ cho ra {} hoặc [] rỗng, hoặc chuỗi rỗng ("" hay chỉ toàn dấu cách), với sự kiện này: sự kiện không có trường nào mà biểu thức dùng (có thể sự kiện đến từ một hệ thống khác với hệ thống mà biểu thức được viết cho), nên chưa gửi gì đi. Hãy sửa biểu thức (bấm Xem trước để thấy nó cho ra gì với một sự kiện), hoặc chọn lại loại sự kiện và nguồn mà nơi nhận này nhận, rồi gửi lại.',
    'delivery.stopping': 'Hookferry đang dừng nên phép chuyển đổi không được chạy.',
    'delivery.noWorker':
      'Phép chuyển đổi chỉ chạy trong bản engine đã build (npm run build, rồi npm run serve); engine phát triển này không chạy chúng.',
    'delivery.cannotHand': 'Không thể chuyển nội dung sự kiện cho phép chuyển đổi ({{message}}).',
    'delivery.tooDeep':
      'Nội dung sự kiện này lồng quá sâu để ghi ra cho nơi nhận. Hãy gửi nguyên dạng đã nhận (chế độ nội dung “raw”) hoặc bỏ qua nó.',
    'delivery.unpreparable': 'Hookferry không thể chuẩn bị sự kiện này cho nơi nhận: {{message}}',
    'delivery.bodyBusy':
      'Hookferry quá bận nên không chuẩn bị kịp nội dung sự kiện này cho nơi nhận trong {{seconds}} giây: máy tính đang phải làm quá nhiều việc cùng lúc. Sự kiện không có vấn đề gì và chưa có gì được gửi đi: Hookferry sẽ thử lại sau, như sau mọi lần thử không thành.',
    'delivery.bodyInterrupted':
      'Việc chuẩn bị nội dung sự kiện này cho nơi nhận dừng bất ngờ ({{message}}). Chưa có gì được gửi đi: Hookferry sẽ thử lại sau.',
    'delivery.bodyBusyLast':
      'Hookferry quá bận nên không chuẩn bị kịp nội dung sự kiện này cho nơi nhận trong {{seconds}} giây, {{tries}} lần thử liên tiếp, nên đã ngừng thử: máy tính đã phải làm quá nhiều việc trong một thời gian dài. Sự kiện không có vấn đề gì và chưa có gì được gửi đi. Hãy bấm Gửi lại khi máy bớt bận (đóng các chương trình không cần, hoặc khởi động lại máy).',
    'delivery.bodyInterruptedLast':
      'Việc chuẩn bị nội dung sự kiện này cho nơi nhận dừng bất ngờ ({{message}}), {{tries}} lần thử liên tiếp, nên Hookferry đã ngừng thử. Chưa có gì được gửi đi. Hãy khởi động lại Hookferry rồi bấm Gửi lại.',
    'delivery.bodyTooLong':
      'Việc chuẩn bị nội dung sự kiện này cho nơi nhận mất hơn {{seconds}} giây nên Hookferry đã dừng. Hãy gửi nguyên dạng đã nhận (chế độ nội dung “raw”) hoặc bỏ qua nó.',
    'delivery.bodyTooBig':
      'Việc chuẩn bị nội dung sự kiện này cho nơi nhận cần hơn {{mb}} MB bộ nhớ nên Hookferry đã dừng. Hãy gửi nguyên dạng đã nhận (chế độ nội dung “raw”) hoặc bỏ qua nó.',
    'delivery.bodyStopped': 'Việc chuẩn bị nội dung sự kiện này cho nơi nhận dừng bất ngờ ({{message}}). Hãy gửi lại.',
    'delivery.unknownKind':
      '“{{name}}” là nơi nhận loại {{kind}}, phiên bản Hookferry này không gửi được tới loại đó. Hãy cập nhật Hookferry hoặc xóa nơi nhận.',
    'delivery.headerUnsendable':
      'Hookferry không gửi được tới {{host}}: trường tiêu đề {{header}} đã lưu trong nơi nhận này có dấu xuống dòng, ký tự điều khiển, chữ tiếng Việt có dấu hoặc ký tự đặc biệt khác, mà không yêu cầu web nào mang được, nên chưa có gì được gửi đi. Hãy sửa nơi nhận, gõ lại giá trị đó trên một dòng, không có các ký tự ấy, rồi gửi lại.',
    'delivery.urlSecretMissing':
      'Hookferry chưa có giá trị {{param}} trong địa chỉ của “{{name}}” (cấu hình được nhập vào không kèm giá trị này). Hãy sửa nơi nhận, điền giá trị vào chỗ [đã ẩn], rồi gửi lại.',
    'zithara.noUse': 'Zithara không dùng sự kiện {{type}} (Hookferry chuyển đơn hàng, khách hàng và giỏ hàng).',
    'zithara.notObject':
      'Nội dung {{type}} không phải là một đối tượng JSON nên không thể chuyển sang định dạng của Zithara.',
    'zithara.tooDeep':
      'Nội dung này lồng nhau quá sâu (hàng nghìn tầng) nên không thể chuyển sang định dạng của Zithara và sẽ không được gửi. Không đơn hàng nào của cửa hàng lồng sâu như vậy: hãy kiểm tra lại nội dung.',
    'zithara.noOrderId': 'Đơn hàng không có id, mà Zithara cần id làm platform_order_id.',
    'zithara.lineWithoutOrder': 'Dòng đơn hàng không có order_id nên Hookferry không biết nó thuộc đơn hàng nào.',
    'zithara.orderNeverReceived':
      'Chưa từng nhận được đơn hàng {{orderId}} mà dòng này thuộc về, nên không có đơn hàng để gửi kèm.',
    'zithara.noCustomerId': 'Khách hàng không có id, mà Zithara cần id làm platform_customer_id.',
    'zithara.walkIn':
      'Đơn hàng {{order}} không gắn với khách hàng nào trong Teamcrop (khách mua tại quầy), nên không được gửi: Zithara chỉ lưu đơn hàng của khách hàng.',
    'zithara.guestCheckout':
      'Đơn hàng này được đặt không qua tài khoản khách hàng (khách đặt không đăng ký), nên không được gửi: Zithara chỉ lưu đơn hàng của khách hàng.',
    'zithara.noEmail':
      'Zithara cần email cho mọi khách hàng, và khách hàng {{id}} chưa có. Hãy thêm email trong Teamcrop; lần sửa tiếp theo sẽ được gửi.',
    'zithara.missing': 'Nội dung thiếu {{fields}}, là thông tin Zithara bắt buộc cho {{what}}.',
    'zithara.answered': 'Zithara trả lời mã {{statusCode}}, kèm lời nhắn của Zithara: “{{said}}”.',
    'zithara.answeredStatus': 'Zithara trả lời mã {{statusCode}}.',
    'zithara.serverError':
      'Zithara trả lời mã {{statusCode}}, kèm lời nhắn của Zithara: “{{said}}”. Lỗi nằm ở phía Zithara, không phải ở dữ liệu của bạn: nếu lỗi kéo dài, hãy báo cho Zithara.',
    'zithara.refusedData':
      'Zithara từ chối dữ liệu này (mã {{statusCode}}), kèm lời nhắn của Zithara: “{{said}}”. Gửi lại cùng dữ liệu cũng sẽ bị từ chối như vậy, nên Hookferry đã ngừng thử: hãy sửa trong hệ thống bán hàng (lần thay đổi tiếp theo sẽ được gửi), hoặc gửi lại khi nguyên nhân đã được khắc phục.',
    'zithara.refused':
      'Zithara từ chối mã “Client ID” và khóa “Client Secret” (mã {{statusCode}}), nên Hookferry không thử lại: lần nào cũng sẽ bị từ chối như vậy. Hãy kiểm tra hai mục này trong cài đặt của nơi nhận này (bấm Sửa trên thẻ của nó trong mục Nơi nhận), rồi gửi lại những gì đang chờ trong mục Lỗi gửi.',
    'zithara.accessRefused':
      'Zithara từ chối lần gửi này (mã {{statusCode}}) dù Hookferry đã xin quyền truy cập mới, nên Hookferry không thử lại: mã “Client ID” và khóa “Client Secret” có thể không được phép làm việc này. Hãy kiểm tra hai mục này trong cài đặt của nơi nhận này (bấm Sửa trên thẻ của nó trong mục Nơi nhận), rồi gửi lại từ mục Lỗi gửi.',
    'zithara.noToken': 'Hookferry không xin được quyền truy cập từ Zithara: {{problem}}',
    'zithara.noAccessToken': 'Zithara trả lời yêu cầu cấp quyền truy cập nhưng không kèm mã truy cập.',
    'zithara.unreachable':
      'Hookferry không kết nối được tới Zithara tại {{host}} ({{why}}), nên chưa xin được quyền truy cập và chưa gửi gì; mã “Client ID” và khóa “Client Secret” chưa được kiểm tra. Hãy kiểm tra “Địa chỉ máy chủ Zithara” trong cài đặt của nơi nhận này (bấm Sửa trên thẻ của nó trong mục Nơi nhận) và kết nối internet của máy này.',
    'zithara.credentialsUnsendable':
      'Mã “Client ID” hoặc khóa “Client Secret” của Zithara đã lưu trong nơi nhận này có dấu xuống dòng, ký tự điều khiển, chữ tiếng Việt có dấu hoặc ký tự đặc biệt khác, mà không thể gửi tới Zithara, nên Hookferry chưa gửi gì và không thử lại. Hãy gõ lại hai mục này trong cài đặt của nơi nhận này (bấm Sửa trên thẻ của nó trong mục Nơi nhận), đúng như Zithara đã cấp, rồi gửi lại những gì đang chờ trong mục Lỗi gửi.',
    'zithara.why.refused': 'không có gì trả lời tại địa chỉ đó',
    'zithara.why.timeout': 'không có trả lời trong {{seconds}} giây',
    'zithara.why.notFound': 'không tìm thấy địa chỉ đó',
    'zithara.why.certificate': 'chứng chỉ bảo mật của nó không được chấp nhận; hãy kiểm tra cả ngày giờ của máy này',
    'zithara.why.connection': 'kết nối không thành công',
    'routing.none':
      'Chưa có nơi nhận nào, nên sự kiện này chỉ được lưu lại. Vẫn có thể gửi nó: hãy thêm một nơi nhận trong mục Nơi nhận; thẻ của nơi nhận đó sẽ đề nghị gửi nó, cùng các sự kiện tới trước khác (hoặc bấm Gửi lại tất cả ở đây).',
    'routing.takenNow':
      'Khi sự kiện này đến, không nơi nhận nào nhận {{type}}. Giờ loại này được gửi tới {{names}}: bấm Gửi lại tất cả để gửi tới đó.',
    'routing.notTaken':
      'Không nơi nhận nào nhận {{type}}. Để gửi loại sự kiện này, hãy chọn nó trong phần sự kiện của một nơi nhận, mục Nơi nhận.',
    'routing.destinationDeleted':
      'Nơi nhận của sự kiện này đã bị xóa trước khi sự kiện được gửi tới đó, cùng với các lần thử gửi. Bấm Gửi lại tất cả để gửi tới các nơi nhận đang nhận loại sự kiện này.',
    'routing.deletedWhileSending':
      'Nơi nhận của sự kiện này đã bị xóa trong lúc sự kiện đang được gửi tới đó, cùng với các lần thử gửi, nên không biết sự kiện đã tới nơi hay chưa. Hãy hỏi người quản lý nơi nhận đó; bấm Gửi lại tất cả để gửi tới các nơi nhận đang nhận loại sự kiện này.',
    'routing.deletedArrived':
      'Nơi nhận của sự kiện này đã bị xóa trong lúc sự kiện đang được gửi tới đó, và lần gửi đó đã thành công: nơi nhận xác nhận đã nhận được sự kiện. Các lần thử gửi đã bị xóa cùng nơi nhận; sự kiện này không cần làm gì thêm.',
    'routing.deletedNotArrived':
      'Nơi nhận của sự kiện này đã bị xóa trong lúc sự kiện đang được gửi tới đó, và lần gửi đó không thành công; các lần thử gửi đã bị xóa cùng nơi nhận. Bấm Gửi lại tất cả để gửi tới các nơi nhận đang nhận loại sự kiện này.',
    'deleted.beforeArrival': 'Nơi nhận này đã bị xóa trước khi sự kiện được gửi tới đó, nên sự kiện đã bị bỏ ở đây.',
    'deleted.afterTries':
      'Nơi nhận này đã bị xóa trong lúc sự kiện đang chờ ở đó sau các lần gửi không thành công, nên sự kiện đã bị bỏ ở đây; các lần gửi đó được liệt kê bên dưới.',
    'deleted.whileSending':
      'Nơi nhận này đã bị xóa trong lúc sự kiện đang được gửi tới đó, nên sự kiện đã bị bỏ ở đây. Không biết lần gửi cuối đó đã tới nơi hay chưa: hãy hỏi người quản lý nơi nhận đó.',
    'deleted.notArrived':
      'Nơi nhận này đã bị xóa trong lúc sự kiện đang được gửi tới đó, và lần gửi đó không thành công, nên sự kiện đã bị bỏ ở đây.',
    'resend.destinationDeleted':
      '“{{name}}” đã bị xóa, nên không có gì được gửi tới đó. Lịch sử của nó vẫn nằm trong sự kiện này; bấm Gửi lại tất cả để gửi tới các nơi nhận đang nhận loại sự kiện này.',
    'resend.alreadyDelivered':
      '{{names}} đã xác nhận đã nhận được sự kiện này, nên Hookferry không gửi lại, kể cả tới nơi khác: gửi thêm một bản sẽ thành một đơn thứ hai trong sổ ở đó. Nếu ở đó bị mất, hãy mở sự kiện và bấm Gửi lại: Hookferry sẽ hỏi trước khi gửi lần thứ hai.',
    'resend.nowhere':
      'Hiện không nơi nhận nào nhận {{type}}, nên không có nơi để gửi sự kiện này. Hãy thêm một nơi nhận, hoặc chọn loại sự kiện này trong một nơi nhận.',
    'preview.noTransform':
      'Nơi nhận này chưa có phép chuyển đổi; hãy gõ một biểu thức để xem nó biến một sự kiện thành gì.',
    'preview.bodyBusy':
      'Hookferry quá bận nên không đọc kịp nội dung sự kiện này trong {{seconds}} giây: máy tính đang phải làm quá nhiều việc cùng lúc. Sự kiện và biểu thức không có vấn đề gì: hãy xem trước lại sau một lát.',
    'preview.busy':
      'Hookferry vẫn đang xử lý {{count}} lần xem trước hoặc kiểm tra gửi lúc nãy nên chưa chạy lần này. Các đơn hàng không bị việc đó làm chậm. Hãy chờ một lát rồi thử lại.',
    'preview.tooDeep':
      'Với sự kiện này, phép chuyển đổi tạo ra dữ liệu lồng nhau sâu hơn {{max}} tầng, quá sâu để hiển thị ở đây. Dữ liệu của cửa hàng không bao giờ lồng sâu như vậy: một biểu thức cứ bọc kết quả của chính nó hết lần này đến lần khác mới gây ra điều này. Hãy kiểm tra lại biểu thức.',
  },
} as const;
