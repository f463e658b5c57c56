import { describe, expect, it } from 'vitest';
import { intakeReasons } from '../../main/i18n/reasons/intake.js';
import { refusal } from '../../main/intake/refusal.js';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('intake reasons', () => {
  it('says every code in English and Vietnamese, with the same parameters', () => {
    expect(Object.keys(intakeReasons.vi).sort()).toEqual(Object.keys(intakeReasons.en).sort());
    for (const [code, english] of Object.entries(intakeReasons.en)) {
      const vietnamese = intakeReasons.vi[code as keyof typeof intakeReasons.vi];
      expect(placeholders(vietnamese), code).toEqual(placeholders(english));
      expect(vietnamese, code).not.toBe(english);
    }
  });

  it('writes the English sentence from the same table, beside the code and parameters', () => {
    expect(refusal(0, 'intake.tooManyConnections', { address: '10.0.0.9', limit: 64, count: 5 })).toEqual({
      status: 0,
      message:
        '10.0.0.9 opened more than 64 connections at once; Hookferry closed the extra ones unanswered. Connections closed in the last minute: 5.',
      reason: { code: 'intake.tooManyConnections', params: { address: '10.0.0.9', limit: 64, count: 5 } },
    });
  });
});
