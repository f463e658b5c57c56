import { describe, expect, it } from 'vitest';
import { contractMessages } from '../../main/i18n/contract-messages.js';
import { deliveryReasons } from '../../main/i18n/reasons/delivery.js';
import { vi } from '../../main/i18n/vi.js';

/** Every string of a nested table of sentences. */
function sentences(table: unknown): string[] {
  if (typeof table === 'string') return [table];
  if (table && typeof table === 'object') return Object.values(table).flatMap(sentences);
  return [];
}

describe('the Vietnamese sentences say things in shop words', () => {
  // Before: a header value's refusal said "chữ ngoài Latin-1", a character set's name a shopkeeper does not know.
  it('never names the Latin-1 character set', () => {
    const said = [...sentences(vi), ...sentences(contractMessages.vi), ...sentences(deliveryReasons.vi)];
    expect(said.filter((sentence) => /latin/i.test(sentence))).toEqual([]);
  });
});
