import { describe, expect, it } from 'vitest';
import { remembered } from '../../main/lib/remembered.js';

describe('a remembered judgement', () => {
  it('judges a name once, and past its limit judges new names each time instead of keeping them', () => {
    const judged: string[] = [];
    const isLong = remembered((key) => {
      judged.push(key);
      return key.length > 3;
    }, 2);
    expect([isLong('key'), isLong('token'), isLong('key'), isLong('token')]).toEqual([false, true, false, true]);
    expect(judged).toEqual(['key', 'token']);
    expect([isLong('x-made-up'), isLong('x-made-up')]).toEqual([true, true]);
    expect(judged).toEqual(['key', 'token', 'x-made-up', 'x-made-up']);
  });
});
