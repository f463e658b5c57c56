import type { DayCounts } from './contract.js';

/**
 * The day's events received, and apart from them the requests refused at the door (`rejected`: a wrong key, a body
 * that is no order): each page and the tray say them alike. Counted among the received, a stranger's tries or a POS
 * sending with a wrong key read as orders taken.
 */
export function dayReceived(today: DayCounts): { received: number; refused: number } {
  const { rejected, ...received } = today;
  return { received: Object.values(received).reduce((sum, n) => sum + n, 0), refused: rejected };
}
