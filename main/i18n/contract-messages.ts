/**
 * The contract's own sentences for a field it refuses (main/api/contract.ts and the destination kinds'
 * settings write them in English, in the zod issue's message). The dashboard finds a refusal's sentence
 * here by its English words and says it in the merchant's language; a sentence not here falls back to the generic one for its issue code. A number
 * the engine keeps in a small unit (milliseconds, bytes) gets its own sentence in the unit the form shows.
 */
const headerUnsafe = {
  en: 'cannot hold line breaks, tabs or other control characters, nor letters outside Latin-1 (such as Vietnamese accents); write it on one line without them.',
  vi: 'không được chứa xuống dòng, tab hay ký tự điều khiển, cũng không được có chữ tiếng Việt có dấu hay ký tự đặc biệt khác; hãy viết trên một dòng, không dấu.',
};

export const contractMessages = {
  en: {
    sourceName: 'Give the source a name.',
    destinationName: 'Give the destination a name.',
    headerNameMissing: 'Give the header a name.',
    nameHidden:
      'A name cannot hold line breaks, tabs or invisible characters that turn text around; type it again on one line.',
    verificationHeaderMissing:
      'Type the name of the header the sender adds, for example X-Shop-Key (the grey text in the box is only an example), and set the same name in the sender.',
    headerNameChars: 'A header name uses letters, digits and dashes only.',
    headerNameUnsafe: `A header name ${headerUnsafe.en}`,
    headerNameUnsendable:
      'A header cannot be named __proto__: Hookferry could never send it, nor find it on a request. Use the name the other side asks for.',
    headerValueUnsafe: `A header value ${headerUnsafe.en}`,
    eventPattern: 'An event pattern has no spaces (for example order.* or order.add).',
    noEvents: 'Choose at least one event.',
    signingSecret:
      'A signing secret starts with whsec_ followed by letters, digits, + and /: paste the whole secret the receiver gave you.',
    httpUrl: 'Enter a full web address starting with http:// or https://.',
    urlCredentials:
      'Leave the user name and password out of the address (it is shown and exported as it is); send them as a secret Authorization header instead.',
    urlSpaces:
      'A web address has no spaces: remove the space (it was likely pasted in). If the destination really wants one, write it as %20.',
    destinationKind: 'A destination kind is a short lowercase name such as webhook.',
    pageCursor: 'The page cursor is not valid; start again from the first page.',
    publicUrl: 'Enter the full public address, starting with https:// (or http://).',
    publicUrlBaseOnly:
      'Enter only the start of the address, such as https://shop.example.com, without anything after the name.',
    ngrokDomain: 'Enter the ngrok domain as its dashboard shows it, such as example-name.ngrok-free.dev.',
    ngrokAuthtokenShort:
      'An ngrok authtoken is a long line of letters and digits; copy it again from the ngrok dashboard.',
    ngrokAuthtokenChars: 'An ngrok authtoken has only letters, digits, _ and -; copy it again.',
    firstRetryRange: 'The first retry waits between 0.1 seconds and 24 hours.',
    longestWaitRange: 'The longest wait between tries is between 0.1 seconds and 7 days.',
    timeoutRange: 'The time to wait for an answer is between 1 and 120 seconds.',
    bodyLimitRange: 'The largest event body is between 1 KB and 100 MB.',
    intakePortZero:
      'Choose a port other than 0, such as 8780: port 0 changes at every start, and your shop’s systems would no longer reach Hookferry.',
    adminPortZero:
      'Choose a port other than 0, such as 8781: port 0 changes at every start, and the dashboard’s address with it.',
    zitharaClientId: 'Enter the Zithara client id.',
    zitharaClientIdUnsafe: `The client id ${headerUnsafe.en}`,
    zitharaClientSecretUnsafe: `The client secret ${headerUnsafe.en}`,
    zitharaClientSecretBlank: 'The client secret is only spaces: paste the whole secret Zithara gave you.',
    zitharaCountryCode: 'A country code is digits only, such as 84 or 91.',
    zitharaCurrency: 'A currency is a three-letter code such as VND or INR.',
  },
  vi: {
    sourceName: 'Hãy đặt tên cho nguồn.',
    destinationName: 'Hãy đặt tên cho nơi nhận.',
    headerNameMissing: 'Hãy đặt tên cho trường tiêu đề.',
    nameHidden: 'Tên không được chứa dấu xuống dòng, tab hay ký tự ẩn làm đảo chiều chữ; hãy gõ lại tên trên một dòng.',
    verificationHeaderMissing:
      'Hãy nhập tên trường tiêu đề mà nơi gửi thêm vào, ví dụ X-Shop-Key (chữ màu xám trong ô chỉ là ví dụ), và đặt đúng tên đó ở nơi gửi.',
    headerNameChars: 'Tên trường tiêu đề chỉ gồm chữ không dấu, chữ số và dấu gạch ngang.',
    headerNameUnsafe: `Tên trường tiêu đề ${headerUnsafe.vi}`,
    headerNameUnsendable:
      'Không thể đặt tên trường tiêu đề là __proto__: Hookferry không gửi được và cũng không đọc được trường có tên này. Hãy dùng đúng tên mà bên kia yêu cầu.',
    headerValueUnsafe: `Giá trị trường tiêu đề ${headerUnsafe.vi}`,
    eventPattern: 'Mẫu sự kiện không có khoảng trắng (ví dụ order.* hoặc order.add).',
    noEvents: 'Hãy chọn ít nhất một sự kiện.',
    signingSecret: 'Khóa ký bắt đầu bằng whsec_, tiếp theo là chữ, số, + và /: hãy dán nguyên khóa mà nơi nhận đã cấp.',
    httpUrl: 'Nhập địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://.',
    urlCredentials:
      'Đừng để tên người dùng và mật khẩu trong địa chỉ (địa chỉ được hiển thị và xuất ra nguyên văn); hãy gửi chúng bằng một trường tiêu đề bí mật tên Authorization.',
    urlSpaces:
      'Địa chỉ web không có khoảng trắng: hãy xóa khoảng trắng (có lẽ do dán vào). Nếu nơi nhận thật sự cần, hãy viết nó là %20.',
    destinationKind: 'Loại nơi nhận là một tên ngắn viết thường, ví dụ “webhook”.',
    pageCursor: 'Vị trí trang không hợp lệ; hãy bắt đầu lại từ trang đầu.',
    publicUrl: 'Nhập địa chỉ công khai đầy đủ, bắt đầu bằng https:// (hoặc http://).',
    publicUrlBaseOnly: 'Chỉ nhập phần đầu của địa chỉ, ví dụ https://shop.example.com, không có gì sau tên miền.',
    ngrokDomain: 'Nhập tên miền ngrok đúng như trang quản lý ngrok hiển thị, ví dụ example-name.ngrok-free.dev.',
    ngrokAuthtokenShort: 'Authtoken của ngrok là một dòng dài gồm chữ và số; hãy chép lại từ trang quản lý ngrok.',
    ngrokAuthtokenChars: 'Authtoken của ngrok chỉ gồm chữ, số, _ và -; hãy chép lại.',
    firstRetryRange: 'Lần thử lại đầu tiên chờ từ 0,1 giây đến 24 giờ.',
    longestWaitRange: 'Thời gian chờ lâu nhất giữa các lần thử là từ 0,1 giây đến 7 ngày.',
    timeoutRange: 'Thời gian chờ trả lời là từ 1 đến 120 giây.',
    bodyLimitRange: 'Dung lượng nội dung sự kiện tối đa là từ 1 KB đến 100 MB.',
    intakePortZero:
      'Hãy chọn cổng khác 0, ví dụ 8780: cổng 0 đổi sau mỗi lần khởi động, và hệ thống của cửa hàng sẽ không gửi tới Hookferry được nữa.',
    adminPortZero:
      'Hãy chọn cổng khác 0, ví dụ 8781: cổng 0 đổi sau mỗi lần khởi động, và địa chỉ bảng điều khiển đổi theo.',
    zitharaClientId: 'Hãy nhập mã “Client ID” mà Zithara cấp cho bạn.',
    zitharaClientIdUnsafe: `Mã “Client ID” ${headerUnsafe.vi}`,
    zitharaClientSecretUnsafe: `Khóa “Client Secret” ${headerUnsafe.vi}`,
    zitharaClientSecretBlank:
      'Khóa “Client Secret” chỉ có khoảng trắng: hãy dán nguyên khóa mà Zithara đã cấp cho bạn.',
    zitharaCountryCode: 'Mã quốc gia chỉ gồm chữ số, ví dụ 84 hoặc 91.',
    zitharaCurrency: 'Tiền tệ là mã ba chữ cái, ví dụ VND hoặc INR.',
  },
} satisfies { en: Record<string, string>; vi: Record<string, string> };

export type ContractMessage = keyof typeof contractMessages.en;

/** The contract's sentence in English: what the schemas refuse with. */
export const say = contractMessages.en;

/** A refusal's sentence in Vietnamese, found by its English words; null when the contract did not write it. */
export function contractMessageInVietnamese(english: string): string | null {
  const entry = Object.entries(contractMessages.en).find(([, sentence]) => sentence === english);
  return entry ? contractMessages.vi[entry[0] as ContractMessage] : null;
}
