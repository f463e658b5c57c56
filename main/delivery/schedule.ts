import type { RetryPolicy } from '../api/contract.js';
import { scheduledWait } from '../api/retry-schedule.js';

/** ±10% so that many deliveries failing together do not all come back together. */
const JITTER = 0.1;

/**
 * How long to wait after failed attempt number `attempt` (1 for the first), or
 * `null` when the policy has no attempts left. A `Retry-After` from the receiver
 * replaces the computed wait, within the policy's cap.
 *
 * The jitter never takes a wait past the cap: the cap is the longest wait the merchant set (6 h, not 6.6 h), so a
 * wait at or near it spreads downwards only. The dashboard's spelled-out schedule (retry-schedule.ts) names each
 * wait before its jitter, so no wait goes past the cap it shows either.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | null,
  random = Math.random,
): number | null {
  const base = scheduledWait(policy, attempt);
  if (base === null) return null;
  if (retryAfterMs !== null) return Math.min(Math.max(retryAfterMs, 0), policy.maxDelayMs);
  const shortest = base * (1 - JITTER);
  const longest = Math.min(base * (1 + JITTER), policy.maxDelayMs);
  return Math.round(shortest + (longest - shortest) * random());
}

/**
 * Busy tries in a row (see busyRetryDelay) after which a delivery fails. A body intake read in time is prepared in a
 * fraction of its allowance on a quiet PC, so one busy try is a busy moment; ten in a row, on the default schedule's
 * waits (1 min doubling: about 8½ hours), is a PC that has not been able to prepare it all day, or a body process that
 * keeps stopping. Only the shopkeeper can change that (close programs, restart the PC, send the body as received), so
 * the order waits in Failed, said, for them to resend, instead of waiting unseen in Retrying for ever.
 */
export const BUSY_TRIES = 10;

/**
 * The wait after a try Hookferry was too busy to make (see the `busy` category), `busyInARow` being how many busy
 * tries there have been in a row with this one: the schedule's own wait while it has one, and past its end the
 * schedule's last wait again (its first where it has none), until BUSY_TRIES in a row (then `null`). Such a try says
 * nothing of the event or the destination, so a busy moment must not be what fails an order; the try after it,
 * once it reaches the destination, is judged by the schedule as any other.
 */
export function busyRetryDelay(
  policy: RetryPolicy,
  attempt: number,
  busyInARow: number,
  random = Math.random,
): number | null {
  if (busyInARow >= BUSY_TRIES) return null;
  const last = Math.max(1, policy.maxAttempts - 1);
  return retryDelay(policy, attempt, null, random) ?? retryDelay(policy, last, null, random) ?? policy.initialDelayMs;
}

/**
 * A destination's "busy" answer: 429 (too many requests) or 503 (unavailable) with a `Retry-After`. It is there and
 * asks for a wait, which says nothing yet of the event, so even a person's one try (see DeliveryStore.requeue)
 * waits it out rather than failing at once.
 */
export function asksForAWait(outcome: { httpStatus: number | null; retryAfterMs: number | null }): boolean {
  return outcome.retryAfterMs !== null && (outcome.httpStatus === 429 || outcome.httpStatus === 503);
}

/** An HTTP date begins with its day's name (`Sun, 06 Nov 1994 08:49:37 GMT`, or the two obsolete forms). */
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/** A wait asked for beyond a year is no wait a receiver means (99999999999999999999 s was said back as asked). */
const LONGEST_ASKED_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; null when absent, unreadable, negative, a
 * date already past or more than a year away, so the destination's own schedule applies. `Date.parse` alone read
 * "-5" as a date in year -5 (a wait of 0 s, retried at once and said to be the destination's wish), and a date in
 * the past, most often a clock set wrong, asks for no wait either.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  const wait = /^\d+$/.test(text) ? Number(text) * 1000 : HTTP_DATE.test(text) ? Date.parse(text) - now : NaN;
  return Number.isNaN(wait) || wait < 0 || wait > LONGEST_ASKED_MS ? null : wait;
}
