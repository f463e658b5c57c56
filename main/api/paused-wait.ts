import type { Stats } from './contract.js';

/**
 * What waits for a pause rather than being on its way: how many deliveries, and what to resume for them to go:
 * every delivery (all are paused, or no paused destination can be named) or the paused destinations named, so
 * each page and the tray say it alike.
 */
export function pausedWait(stats: Stats): { count: number; resumeAll: boolean; names: string[] } {
  const names = stats.destinations
    .filter(
      (destination) => destination.health === 'paused' && destination.backlog > 0 && !heldBehindFailed(destination),
    )
    .map((destination) => destination.name);
  return { count: stats.deliveries.waitingForPaused, resumeAll: stats.deliveriesPaused || names.length === 0, names };
}

/**
 * What waits in ordered lines behind an event that failed for good: how many deliveries, and the destinations whose
 * line it is. They go once that event is resent from Failed and goes through, or is discarded there; a resume does
 * not move them. `paused`: every one of those destinations is paused itself, so the resend goes only once it is
 * resumed (a pause of every delivery has its own line and banner, which say to resume sending).
 */
export function failedWait(stats: Stats): { count: number; names: string[]; paused: boolean } {
  const lines = stats.destinations.filter((destination) => destination.backlog > 0 && heldBehindFailed(destination));
  return {
    count: stats.deliveries.heldBehindFailed,
    names: lines.map((destination) => destination.name),
    paused:
      !stats.deliveriesPaused && lines.length > 0 && lines.every((destination) => destination.health === 'paused'),
  };
}

function heldBehindFailed(destination: Stats['destinations'][number]): boolean {
  return destination.heldBy?.status === 'failed';
}

/** Names as a sentence quotes them: “Kho hàng”, “Sổ đơn hàng”. */
export function quotedNames(names: string[]): string {
  return names.map((name) => `“${name}”`).join(', ');
}
