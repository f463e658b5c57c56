import { describe, expect, it } from 'vitest';
import { bodyHashOf } from '../../main/store/body-hash.js';

describe("an accepted event's fingerprint (the duplicate check)", () => {
  it('tells a type with a line break from a shorter type whose body starts with the rest', () => {
    const body = '{"event":"a\\nb","order":"B-2"}';
    expect(bodyHashOf('src_1', 'a', Buffer.from(`b\n${body}`))).not.toBe(
      bodyHashOf('src_1', 'a\nb', Buffer.from(body)),
    );
    expect(bodyHashOf('src_1', 'a\nb', Buffer.from(body))).toBe(bodyHashOf('src_1', 'a\nb', Buffer.from(body)));
  });

  it('keeps the fingerprint stored events have, so a retry after an upgrade is still a duplicate', () => {
    // Written by the versions before the fix, for types without a line break (every type until then but those).
    expect(bodyHashOf('src_abc', 'order.add', Buffer.from('{"id":1}'))).toBe(
      '0s2mJpKPzTjbOM_JfG6FWl4y6ynTNU0aUUdqEocSGbk',
    );
    expect(bodyHashOf(null, 'order.add', null)).toBe('Ti4kppyWbnCHSBtprpzReM3Jy0eGzd2iLFY1VnL3TGg');
  });
});
