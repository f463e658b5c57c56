import { describe, expect, it } from 'vitest';
import { RetryPolicy } from '../../main/api/contract.js';
import { matchesPattern, subscribes } from '../../main/delivery/patterns.js';
import { waits } from '../../main/api/retry-schedule.js';
import { BUSY_TRIES, busyRetryDelay, parseRetryAfter, retryDelay } from '../../main/delivery/schedule.js';

const teamcropPolicy = RetryPolicy.parse({});
const middle = () => 0.5;

describe('retry schedule', () => {
  it("follows Teamcrop's own default: 1 min, doubling, 12 attempts in all, capped at 6 h", () => {
    expect(waits(teamcropPolicy)).toEqual(
      [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360].map((minutes) => minutes * 60_000),
    );
    const jittered = Array.from({ length: 9 }, (_, i) => retryDelay(teamcropPolicy, i + 1, null, middle));
    expect(jittered).toEqual(waits(teamcropPolicy).slice(0, 9));
    expect(retryDelay(teamcropPolicy, 12, null, middle)).toBeNull();
  });

  it('jitters by at most ±10%', () => {
    expect(retryDelay(teamcropPolicy, 1, null, () => 0)).toBe(54_000);
    expect(retryDelay(teamcropPolicy, 1, null, () => 0.999999)).toBe(66_000);
  });

  it('never waits longer than the cap, jitter and all, so the spelled-out schedule is the longest it waits', () => {
    const highest = () => 1;
    const short = RetryPolicy.parse({ maxAttempts: 6, initialDelayMs: 300, multiplier: 2, maxDelayMs: 1000 });
    // Before, the jitter was added after the cap: 1,100 ms here, and 6.6 h on the default schedule.
    expect(Array.from({ length: 5 }, (_, i) => retryDelay(short, i + 1, null, highest))).toEqual([
      330, 660, 1000, 1000, 1000,
    ]);
    expect(retryDelay(teamcropPolicy, 10, null, highest)).toBe(6 * 3_600_000);
    // At the cap the jitter spreads downwards only, as far as elsewhere.
    expect(retryDelay(teamcropPolicy, 10, null, () => 0)).toBe(0.9 * 6 * 3_600_000);
    for (const policy of [short, teamcropPolicy])
      waits(policy).forEach((wait, index) => {
        for (const random of [() => 0, middle, highest]) {
          const delay = retryDelay(policy, index + 1, null, random)!;
          expect(delay).toBeLessThanOrEqual(Math.min(Math.round(wait * 1.1), policy.maxDelayMs));
          expect(delay).toBeGreaterThanOrEqual(Math.round(wait * 0.9));
        }
      });
  });

  it('uses Retry-After instead, within the cap', () => {
    expect(retryDelay(teamcropPolicy, 1, 5000, middle)).toBe(5000);
    expect(retryDelay(teamcropPolicy, 1, 24 * 3_600_000, middle)).toBe(6 * 3_600_000);
    expect(retryDelay(teamcropPolicy, 12, 5000, middle)).toBeNull();
  });

  it('does not end the schedule after a try Hookferry was too busy to make: past its end, its last wait again', () => {
    expect(busyRetryDelay(teamcropPolicy, 3, 1, middle)).toBe(4 * 60_000);
    // The last wait is at the 6 h cap, which the jitter spreads downwards only: 342 min in the middle of its spread.
    expect(busyRetryDelay(teamcropPolicy, 12, 1, middle)).toBe(342 * 60_000);
    expect(busyRetryDelay(teamcropPolicy, 40, BUSY_TRIES - 1, middle)).toBe(342 * 60_000);
    const once = RetryPolicy.parse({ maxAttempts: 1, initialDelayMs: 30_000 });
    expect(retryDelay(once, 1, null, middle)).toBeNull();
    expect(busyRetryDelay(once, 1, 1, middle)).toBe(30_000);
  });

  it('ends it after BUSY_TRIES busy tries in a row, wherever the schedule is', () => {
    expect(BUSY_TRIES).toBe(10);
    expect(busyRetryDelay(teamcropPolicy, BUSY_TRIES, BUSY_TRIES, middle)).toBeNull();
    expect(busyRetryDelay(teamcropPolicy, 40, BUSY_TRIES, middle)).toBeNull();
    expect(busyRetryDelay(RetryPolicy.parse({ maxAttempts: 1 }), BUSY_TRIES, BUSY_TRIES, middle)).toBeNull();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    // Negative, or a date already past: no wait was asked for, and the destination's own schedule applies.
    for (const value of ['-5', '-0', '1.5', '+5', 'Sun, 22 Nov 2026 09:59:00 GMT'])
      expect(parseRetryAfter(value, now), value).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    // Past a year: no wait a receiver means; before, "asked to wait 99999999999999980000 s" was said back.
    expect(parseRetryAfter(String(365 * 24 * 3600), now)).toBe(365 * 24 * 3600 * 1000);
    for (const value of ['99999999999999999999', String(365 * 24 * 3600 + 1), 'Sun, 22 Nov 2099 10:00:00 GMT'])
      expect(parseRetryAfter(value, now), value).toBeNull();
  });
});

describe('event patterns', () => {
  it('matches everything, prefixes and exact names', () => {
    expect(matchesPattern('*', 'order.add')).toBe(true);
    expect(matchesPattern('order.*', 'order.add')).toBe(true);
    expect(matchesPattern('order.*', 'orders.add')).toBe(false);
    expect(matchesPattern('orders/*', 'orders/create')).toBe(true);
    expect(matchesPattern('order.add', 'order.add')).toBe(true);
    expect(matchesPattern('order.add', 'order.addx')).toBe(false);
    expect(matchesPattern('sales_order_*_after', 'sales_order_place_after')).toBe(true);
    // Pieces between stars do not overlap, and a star may match nothing.
    expect(matchesPattern('a*a', 'a')).toBe(false);
    expect(matchesPattern('a*a', 'aa')).toBe(true);
    expect(matchesPattern('order.**.add', 'order.add')).toBe(false);
    expect(matchesPattern('order.**add', 'order.add')).toBe(true);
    expect(matchesPattern('*(x)+*', 'a(x)+b')).toBe(true);
    expect(matchesPattern(`${'*a'.repeat(20)}*b`, 'a'.repeat(5000))).toBe(false);
  });

  it('limits to chosen sources when some are chosen', () => {
    expect(subscribes({ events: ['*'], sourceIds: [] }, 'x', 'src_1')).toBe(true);
    expect(subscribes({ events: ['*'], sourceIds: ['src_2'] }, 'x', 'src_1')).toBe(false);
    expect(subscribes({ events: ['order.*'], sourceIds: ['src_1'] }, 'order.add', 'src_1')).toBe(true);
  });
});
