import type { RetryPolicy } from '../api/contract.js';
import { scheduledWait } from '../api/retry-schedule.js';

/** ±10% so that many deliveries failing together do not all come back together. */
const JITTER = 0.1;

/**
 * How long to wait after failed attempt number `attempt` (1 for the first), or
 * `null` when the policy has no attempts left. A `Retry-After` from the receiver
 * replaces the computed wait, within the policy's cap.
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
  return Math.round(base * (1 + JITTER * (2 * random() - 1)));
}

/**
 * The wait after a try Hookferry was too busy to make (see the `busy` category): the schedule's own wait while it
 * has one, and past its end the schedule's last wait again (its first where it has none), never `null`. Such a try
 * says nothing of the event or the destination, so a busy PC must not be what fails an order for good; the try
 * after it, once it reaches the destination, is judged by the schedule as any other.
 */
export function busyRetryDelay(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const last = Math.max(1, policy.maxAttempts - 1);
  return retryDelay(policy, attempt, null, random) ?? retryDelay(policy, last, null, random) ?? policy.initialDelayMs;
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
