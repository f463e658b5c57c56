import type { Stats } from './contract.js';

/**
 * What waits for a pause rather than being on its way: how many deliveries, and what to resume for them to go:
 * every delivery (all are paused, or no paused destination can be named) or the paused destinations named, so
 * each page and the tray say it alike.
 */
export function pausedWait(stats: Stats): { count: number; resumeAll: boolean; names: string[] } {
  const names = stats.destinations
    .filter((destination) => destination.health === 'paused' && destination.backlog > 0)
    .map((destination) => destination.name);
  return { count: stats.deliveries.waitingForPaused, resumeAll: stats.deliveriesPaused || names.length === 0, names };
}

/** Names as a sentence quotes them: “Kho hàng”, “Sổ đơn hàng”. */
export function quotedNames(names: string[]): string {
  return names.map((name) => `“${name}”`).join(', ');
}
