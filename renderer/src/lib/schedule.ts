import type { RetryPolicy } from '../../../main/api/contract';

type Unit = 'seconds' | 'minutes' | 'hours' | 'days';
export type Say = (unit: Unit, n: number) => string;

/** The waits between attempts (without jitter), as the queue computes them. */
export function waits(policy: RetryPolicy): number[] {
  return Array.from({ length: Math.max(0, policy.maxAttempts - 1) }, (_, i) =>
    Math.min(policy.initialDelayMs * policy.multiplier ** i, policy.maxDelayMs),
  );
}

/** "1 min, 2 min, 4 min … gives up after 20 h": the first three waits and the total. */
export function describeSchedule(
  policy: RetryPolicy,
  say: Say,
  gaveUp: (total: string) => string,
  once: string,
): string {
  const list = waits(policy);
  if (list.length === 0) return once;
  const shown = list.slice(0, 3).map((ms) => duration(ms, say));
  const total = list.reduce((sum, ms) => sum + ms, 0);
  return `${shown.join(', ')}${list.length > 3 ? ' …' : ''} ${gaveUp(duration(total, say))}`;
}

export function duration(ms: number, say: Say): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  if (ms < 60_000) return say('seconds', round(ms / 1000));
  if (ms < 3_600_000) return say('minutes', round(ms / 60_000));
  if (ms < 48 * 3_600_000) return say('hours', round(ms / 3_600_000));
  return say('days', round(ms / 86_400_000));
}
