import { describe, expect, it } from 'vitest';
import { parseJson } from '../../main/lib/exact-json.js';

describe('parseJson', () => {
  it('keeps an integer past 2^53 as a string of its digits, and every other number a number', () => {
    expect(parseJson('{"id":820982911946154508,"n":-9007199254740993,"at":1733100000000,"p":1.25,"e":1e3}')).toEqual({
      id: '820982911946154508',
      n: '-9007199254740993',
      at: 1733100000000,
      p: 1.25,
      e: 1000,
    });
    expect(parseJson('[9007199254740991, 12345678901234567.5]')).toEqual([9007199254740991, 12345678901234568]);
  });

  it('reads as JSON.parse does otherwise: the last of equal keys, __proto__ an own key, its refusals', () => {
    const read = parseJson('{"a":1,"a":2,"__proto__":{"polluted":true},"id":12345678901234567890}') as object;
    expect(read).toEqual(JSON.parse('{"a":2,"__proto__":{"polluted":true},"id":"12345678901234567890"}'));
    expect(Object.keys(read)).toEqual(['a', '__proto__', 'id']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const broken = '{"id":12345678901234567890,';
    expect(() => parseJson(broken)).toThrow(new SyntaxError(errorOf(() => JSON.parse(broken))));
  });
});

function errorOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('it did not throw');
}
