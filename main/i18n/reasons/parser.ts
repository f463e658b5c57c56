/**
 * What a parser found wrong, in the merchant's languages: JSON bodies (the codes of jsonc-parser's
 * scanner, `json.<code>`) and JSONata expressions (JSONata's own error codes, `jsonata.<code>`, the
 * common ones; its English message is the default for the rest). A reason carries such a detail as a
 * parameter beside its code (`problem` with `problemCode`, `message` with `messageCode`): see
 * `reason-text.ts`. `{{token}}` and `{{value}}` are the piece of the expression JSONata points at.
 */
export const parserReasons = {
  en: {
    'parser.asWritten': '{{words}}',
    'json.InvalidSymbol': 'a character that does not belong there',
    'json.PropertyNameExpected': 'a property name in double quotes is expected',
    'json.ValueExpected': 'a value is expected',
    'json.ColonExpected': 'a colon is expected',
    'json.CommaExpected': 'a comma is expected',
    'json.CloseBraceExpected': 'a closing } is expected',
    'json.CloseBracketExpected': 'a closing ] is expected',
    'json.EndOfFileExpected': 'the JSON has already ended here',
    'json.UnexpectedEndOfString': 'a text value is not closed',
    'json.UnexpectedEndOfComment': 'a comment is not closed',
    'json.InvalidEscapeCharacter': 'an invalid escape (backslash) sequence',
    'json.InvalidCharacter': 'a character that must be escaped',
    'jsonata.S0101': 'a text in quotes is not closed',
    'jsonata.S0201': 'this is not how an expression is written here: {{token}}',
    'jsonata.S0202': '{{value}} was expected, but {{token}} came',
    'jsonata.S0203': '{{value}} is missing before the end of the expression',
    'jsonata.S0204': 'unknown operator: {{token}}',
    'jsonata.S0205': 'unexpected {{token}}',
    'jsonata.S0207': 'the expression ends too early',
    'jsonata.S0211': '“{{token}}” cannot come here: a value is missing just before it, or there is a comma too many',
    'jsonata.T1005': 'this is not a function; did you mean ${{token}}?',
    'jsonata.T1006': 'this calls a function that does not exist: check its name (JSONata’s start with $, like $string)',
    'jsonata.T2001': 'the value left of {{token}} is not a number',
    'jsonata.T2002': 'the value right of {{token}} is not a number',
    'jsonata.T0410': 'value {{index}} given to the function {{token}} is not of the kind it takes',
    'jsonata.D3030': 'this value cannot be turned into a number: {{value}}',
  },
  vi: {
    'parser.asWritten': '{{words}} (nguyên văn tiếng Anh của trình kiểm tra)',
    'json.InvalidSymbol': 'có một ký tự không được đứng ở đây',
    'json.PropertyNameExpected': 'cần một tên thuộc tính trong dấu ngoặc kép',
    'json.ValueExpected': 'cần một giá trị',
    'json.ColonExpected': 'cần dấu hai chấm',
    'json.CommaExpected': 'cần dấu phẩy',
    'json.CloseBraceExpected': 'cần dấu } để đóng',
    'json.CloseBracketExpected': 'cần dấu ] để đóng',
    'json.EndOfFileExpected': 'JSON đã kết thúc ở đây nhưng vẫn còn nội dung',
    'json.UnexpectedEndOfString': 'một chuỗi văn bản chưa được đóng ngoặc kép',
    'json.UnexpectedEndOfComment': 'một chú thích chưa được đóng',
    'json.InvalidEscapeCharacter': 'một chuỗi thoát (dấu \\) không hợp lệ',
    'json.InvalidCharacter': 'một ký tự phải được viết thoát',
    'jsonata.S0101': 'một đoạn văn bản trong ngoặc kép chưa được đóng',
    'jsonata.S0201': 'viết sai cú pháp tại: {{token}}',
    'jsonata.S0202': 'cần {{value}} nhưng lại gặp {{token}}',
    'jsonata.S0203': 'thiếu {{value}} trước khi biểu thức kết thúc',
    'jsonata.S0204': 'phép toán không có: {{token}}',
    'jsonata.S0205': 'không đúng chỗ: {{token}}',
    'jsonata.S0207': 'biểu thức kết thúc quá sớm',
    'jsonata.S0211': 'không thể có “{{token}}” ở đây: ngay trước nó còn thiếu một giá trị, hoặc thừa một dấu phẩy',
    'jsonata.T1005': 'đây không phải là hàm; có phải bạn định viết ${{token}}?',
    'jsonata.T1006':
      'biểu thức gọi một hàm không có: hãy kiểm tra tên hàm (hàm của JSONata bắt đầu bằng $, ví dụ $string)',
    'jsonata.T2001': 'giá trị bên trái {{token}} không phải là số',
    'jsonata.T2002': 'giá trị bên phải {{token}} không phải là số',
    'jsonata.T0410': 'giá trị thứ {{index}} đưa vào hàm {{token}} không đúng loại hàm đó nhận',
    'jsonata.D3030': 'không đổi được giá trị này thành số: {{value}}',
  },
} as const;

export type ParserCode = keyof (typeof parserReasons)['en'];
