import { describe, expect, it } from 'vitest';
import { applyTransform, expressionProblem } from '../../main/delivery/transform.js';
import { reasonText } from '../../main/i18n/reason-text.js';
import { translatorFor } from '../../main/i18n/translator.js';
import { parseBody } from '../../main/intake/parse-body.js';

const vi = translatorFor('vi');
const en = translatorFor('en');

/** A parser's words inside a sentence are said in the merchant's language, or marked as the parser's own English. */
describe('a parser’s words in a reason', () => {
  it('says where and why a JSON body breaks in Vietnamese, and the same English as the sender gets', () => {
    const result = parseBody(Buffer.from('{"a": 1, "b": }'), 'application/json');
    if (result.ok) throw new Error('the body should not parse');
    const { reason, message } = result.refusal;
    expect(reasonText(vi, reason, message)).toBe(
      'Nội dung không phải JSON hợp lệ tại dòng 1, cột 15: cần một giá trị.',
    );
    expect(reasonText(en, reason, message)).toBe(message);
  });

  it('says a JSONata mistake in Vietnamese, whether found when previewing or when saving', async () => {
    const failed = await applyTransform('{ "total": price_final & "x" + 1 }', { price_final: 936200 });
    if (failed.ok) throw new Error('the expression should fail');
    expect(reasonText(vi, failed.reason, failed.error)).toBe(
      'Phép chuyển đổi thất bại (tại ký tự 30): giá trị bên trái + không phải là số',
    );
    // The English dashboard gets the same plainer words; the API and the log keep JSONata's own.
    expect(reasonText(en, failed.reason, failed.error)).toBe(
      'The transformation failed (at character 30): the value left of + is not a number',
    );
    expect(failed.error).toBe(
      'The transformation failed (at character 30): The left side of the "+" operator must evaluate to a number',
    );
    expect(expressionProblem('{ "order": invoice_id')).toMatchObject({
      text: 'The transformation has a mistake (at character 22): Expected "}" before end of expression. Fix it before saving.',
      reason: 'transformAt',
      params: { position: 22, messageCode: 'jsonata.S0203', value: '}' },
    });
  });

  // "} không thể đứng đầu ở đây" was JSONata's "cannot be used as a unary operator" word for word: it said nothing of
  // the usual cause, a value missing before the bracket or a comma too many.
  it('says what is usually missing before a bracket that cannot come where it stands', async () => {
    const failed = await applyTransform('{ "order": invoice_id, }', {});
    if (failed.ok) throw new Error('the expression should fail');
    expect(reasonText(vi, failed.reason, failed.error)).toMatch(
      /\(tại ký tự 24\): không thể có “\}” ở đây: ngay trước nó còn thiếu một giá trị, hoặc thừa một dấu phẩy$/,
    );
    expect(reasonText(en, failed.reason, failed.error)).toMatch(
      /\(at character 24\): “\}” cannot come here: a value is missing just before it, or there is a comma too many$/,
    );
  });

  it('keeps JSONata’s English where there are no Vietnamese words for it, and says whose words they are', async () => {
    const failed = await applyTransform('$sqrt(-1)', {});
    if (failed.ok) throw new Error('the expression should fail');
    expect(reasonText(vi, failed.reason, failed.error)).toBe(
      'Phép chuyển đổi thất bại (tại ký tự 1): The sqrt function cannot be applied to a negative number: -1 (nguyên văn tiếng Anh của trình kiểm tra)',
    );
    expect(reasonText(en, failed.reason, failed.error)).toBe(failed.error);
  });

  it('says an expression’s own $error words as the shop’s, with no place and no English label, cut marked in its language', async () => {
    const words = 'Không thể gửi đơn vì máy chủ kế toán đang bảo trì. ';
    const failed = await applyTransform(`$error("${words.repeat(60)}")`, {});
    if (failed.ok) throw new Error('the expression should fail');
    expect(failed).toMatchObject({ position: null, reason: { code: 'delivery.transformRaised' } });
    const said = reasonText(vi, failed.reason, failed.error);
    expect(said).toMatch(/^Biểu thức chuyển đổi báo lỗi: Không thể gửi đơn vì máy chủ kế toán đang bảo trì\. /);
    expect(said).toMatch(/\[đã cắt bớt \d+ ký tự\]$/);
    expect(said).not.toMatch(/tiếng Anh|tại ký tự/);
    const short = await applyTransform('$error("Kho đang kiểm kê")', {});
    if (short.ok) throw new Error('the expression should fail');
    expect(reasonText(vi, short.reason, short.error)).toBe('Biểu thức chuyển đổi báo lỗi: Kho đang kiểm kê');
    expect(reasonText(en, short.reason, short.error)).toBe('The transformation reported: Kho đang kiểm kê');
    expect(short.error).toBe('The transformation reported: Kho đang kiểm kê');
  });
});
