import { describe, expect, it } from 'vitest';
import { said } from '../../main/delivery/said.js';
import { deliveryReasons } from '../../main/i18n/reasons/delivery.js';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('delivery reasons', () => {
  it('says every code in English and Vietnamese, with the same parameters', () => {
    expect(Object.keys(deliveryReasons.vi).sort()).toEqual(Object.keys(deliveryReasons.en).sort());
    for (const [code, english] of Object.entries(deliveryReasons.en)) {
      const vietnamese = deliveryReasons.vi[code as keyof typeof deliveryReasons.vi];
      expect(placeholders(vietnamese), code).toEqual(placeholders(english));
      expect(vietnamese, code).not.toBe(english);
    }
  });

  it('writes the English sentence from the same table, beside the code and parameters', () => {
    expect(said('delivery.timeout', { seconds: 15 })).toEqual({
      text: 'No answer within 15 s.',
      reason: { code: 'delivery.timeout', params: { seconds: 15 } },
    });
  });
});
