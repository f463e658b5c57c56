import type { Destination, DestinationStats } from '../../../main/api/contract';
import { failedWithNothingWaiting } from '../../../main/api/failing-now';

/**
 * What a failing destination's banner says Hookferry does about it, read from the figures its card reads: so it is
 * the same on every page, follows every change, and is there after a restart exactly when the card says failing.
 * - `retrying`: something of it is due for another try (at `nextTryAt`; one due now is being tried, a resend's too);
 * - `notRetried`: nothing of it will be tried by itself (failed for good, or an ordered line held by a failed event),
 *   `failed` wait in Failed for a resend;
 * - `paused`: its latest try failed and it is paused (or every delivery is: `allPaused`, said so, as the destination
 *   itself is not), so nothing is sent to it.
 * No banner once nothing of it waits (see nothingWaitsAfterFailure): its card says so, calmly.
 */
export type FailingState =
  | { kind: 'retrying'; nextTryAt: string; failed: number }
  | { kind: 'notRetried'; failed: number }
  | { kind: 'paused'; failed: number; allPaused: boolean };

export interface FailingBanner {
  destination: Destination;
  stats: DestinationStats;
  state: FailingState;
}

/** Its latest try failed and nothing of it waits (see failedWithNothingWaiting), and it is not paused by the merchant. */
export function nothingWaitsAfterFailure(destination: Destination, stats: DestinationStats): boolean {
  return !destination.paused && failedWithNothingWaiting(stats);
}

/** The state its banner says, or null when its card does not say it is failing (nor paused after failed tries). */
export function failingState(destination: Destination, stats: DestinationStats): FailingState | null {
  // The card's own reading: a destination paused by the merchant is paused, whatever the figures say.
  const health = destination.paused ? 'paused' : stats.health;
  if (health === 'paused')
    return stats.lastTryFailed ? { kind: 'paused', failed: stats.failed, allPaused: !destination.paused } : null;
  if (health !== 'failing') return null;
  if (stats.nextTryAt !== null) return { kind: 'retrying', nextTryAt: stats.nextTryAt, failed: stats.failed };
  if (stats.failed > 0) return { kind: 'notRetried', failed: stats.failed };
  return null;
}

/** Every destination whose card says it is failing (or paused after failed tries), in the cards' order. */
export function failingBanners(destinations: Destination[], figures: DestinationStats[] | undefined): FailingBanner[] {
  const banners: FailingBanner[] = [];
  for (const destination of destinations) {
    const stats = figures?.find((entry) => entry.id === destination.id);
    const state = stats && failingState(destination, stats);
    if (stats && state) banners.push({ destination, stats, state });
  }
  return banners;
}

/**
 * What makes a closed banner stay closed: the same destination, saying the same thing for the same reason. A banner
 * closed comes back when its words would change (another reason, another state).
 */
export function bannerKey({ destination, stats, state }: FailingBanner): string {
  return `${destination.id}:${state.kind}:${stats.lastReason?.code ?? stats.lastError ?? ''}`;
}
