import { describe, expect, it } from 'vitest';
import { said } from '../../main/delivery/said.js';
import { reasonText } from '../../main/i18n/reason-text.js';
import { translatorFor } from '../../main/i18n/translator.js';
import { refusal } from '../../main/intake/refusal.js';
import { bounded, cutOf, MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS } from '../../main/lib/bounded-text.js';

describe('texts a sender, a destination or an expression controls', () => {
  it('are cut to their bound, never past it nor inside a character, with a mark saying how much was cut', () => {
    expect(bounded('short')).toBe('short');
    for (const length of [MAX_MESSAGE_CHARS + 1, 9_999, 5_000_000]) {
      const cut = bounded('a'.repeat(length));
      expect(cut.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      const { kept, count } = cutOf(cut)!;
      expect(kept.length + count).toBe(length);
    }
    const emoji = bounded('😀'.repeat(400), MAX_QUOTED_CHARS);
    expect(emoji.length).toBeLessThanOrEqual(MAX_QUOTED_CHARS);
    expect(cutOf(emoji)!.kept).toMatch(/^(😀)+$/);
  });

  it('are bounded in the reason, the sentence and the answer where they are made, and said cut in Vietnamese', () => {
    const problem = `Invalid '["r","${'a'.repeat(1_000_000)}"]' found.`;
    const refused = refusal(400, 'intake.invalidXml', {
      line: 1,
      column: 3,
      problem,
      problemCode: 'parser.untranslated',
    });
    expect(refused.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(String(refused.reason.params.problem).length).toBeLessThanOrEqual(MAX_QUOTED_CHARS);
    expect(refused.message).toMatch(/… \[\d+ more characters cut\]$/);
    expect(reasonText(translatorFor('vi'), refused.reason, refused.message)).toMatch(
      /… \[đã cắt bớt \d+ ký tự\] \(nguyên văn tiếng Anh của trình kiểm tra\)$/,
    );

    const failed = said('delivery.transformFailed', { message: 'x'.repeat(3_000_000) });
    expect(failed.text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(String(failed.reason.params.message).length).toBeLessThanOrEqual(MAX_QUOTED_CHARS);
  });
});
