import type { RetryPolicy } from './contract.js';

/**
 * The retry schedule, one definition for the engine (which adds jitter and
 * honours `Retry-After`) and the dashboard (which spells it out). Plain
 * arithmetic, no Node imports: the dashboard bundles this file.
 */

/** The wait after failed attempt number `attempt` (1 for the first), before jitter; null when no attempt is left. */
export function scheduledWait(policy: RetryPolicy, attempt: number): number | null {
  if (attempt >= policy.maxAttempts) return null;
  return Math.min(policy.initialDelayMs * policy.multiplier ** (attempt - 1), policy.maxDelayMs);
}

/** Every wait of the schedule, in order. */
export function waits(policy: RetryPolicy): number[] {
  return Array.from({ length: Math.max(0, policy.maxAttempts - 1) }, (_, i) => scheduledWait(policy, i + 1) ?? 0);
}

type Unit = 'seconds' | 'minutes' | 'hours' | 'days';
export type Say = (unit: Unit, n: number) => string;

/**
 * The schedule as one sentence made of its first three waits ("1 min, 2 min, 4 min, …") and the time of its last
 * try after the first ("20.5 h"); `once` when it has no retry.
 */
export function describeSchedule(
  policy: RetryPolicy,
  say: Say,
  /** `count`: how many waits; with one, "between tries" would speak of several. */
  sentence: (waits: string, total: string, count: number) => string,
  once: string,
): string {
  const list = waits(policy);
  if (list.length === 0) return once;
  const shown = list.slice(0, 3).map((ms) => duration(ms, say));
  const total = list.reduce((sum, ms) => sum + ms, 0);
  return sentence(`${shown.join(', ')}${list.length > 3 ? ', …' : ''}`, duration(total, say), list.length);
}

export function duration(ms: number, say: Say): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  if (ms < 60_000) return say('seconds', round(ms / 1000));
  if (ms < 3_600_000) return say('minutes', round(ms / 60_000));
  if (ms < 48 * 3_600_000) return say('hours', round(ms / 3_600_000));
  return say('days', round(ms / 86_400_000));
}
