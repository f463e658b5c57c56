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

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
