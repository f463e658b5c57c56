import type { Stats } from './contract.js';

/**
 * What waits for a pause rather than being on its way: how many deliveries, and whether every delivery is
 * paused or which paused destinations hold them, so each page and the tray can name what to resume.
 */
export function pausedWait(stats: Stats): { count: number; allPaused: boolean; names: string[] } {
  return {
    count: stats.deliveries.waitingForPaused,
    allPaused: stats.deliveriesPaused,
    names: stats.destinations
      .filter((destination) => destination.health === 'paused' && destination.backlog > 0)
      .map((destination) => destination.name),
  };
}

/** Names as a sentence quotes them: “Kho hàng”, “Sổ đơn hàng”. */
export function quotedNames(names: string[]): string {
  return names.map((name) => `“${name}”`).join(', ');
}
