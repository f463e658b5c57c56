import type { DestinationStats } from './contract.js';

/**
 * Counted failing (its latest try failed) while nothing of it waits: what failed was discarded, or resent and went
 * through. Nothing asks to be acted on, so neither the pages nor the tray raise an alarm for it (a red "failing" and
 * the reason's "…then resend" stood over nothing to resend); the next event tries it again.
 */
export function failedWithNothingWaiting(stats: DestinationStats): boolean {
  return stats.health === 'failing' && stats.nextTryAt === null && stats.failed === 0 && stats.backlog === 0;
}
