import { describe, expect, it } from 'vitest';
import { BodyBudget } from '../../main/intake/body-budget.js';

const KB = 1024;

describe('the intake’s budget for bodies held in memory', () => {
  it('keeps an eighth for small bodies from the shop’s network: large bodies and the tunnel’s stop short of it', () => {
    const budget = new BodyBudget(800 * KB);
    const large = budget.hold(false);
    expect(large.cover(700 * KB)).toBe(true);
    expect(budget.hold(false).cover(20 * KB)).toBe(false);
    expect(budget.hold(true).cover(1 * KB)).toBe(false);
    const small = budget.hold(false);
    expect(small.cover(10 * KB)).toBe(true);
    // Grown past 16 KB as it streams, a body counts as large: no room left for it.
    expect(small.cover(17 * KB)).toBe(false);
    expect(small.cover(12 * KB)).toBe(true);
  });

  it('gives a body’s bytes back once, however many times it is released, and takes nothing after', () => {
    const budget = new BodyBudget(800 * KB);
    const first = budget.hold(false);
    expect(first.cover(700 * KB)).toBe(true);
    first.release();
    first.release();
    expect(first.cover(1 * KB)).toBe(false);
    const whole = budget.hold(false);
    expect(whole.cover(700 * KB)).toBe(true);
    expect(budget.hold(false).cover(16 * KB)).toBe(false);
  });
});
