import type { Logger } from 'pino';
import type { Db } from './database.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;
const EVERY_MS = 60_000;

/**
 * Removes events older than the retention setting that need nothing more:
 * delivered, discarded, skipped, taken by no destination, or rejected. Failed and pending events stay
 * until the merchant handles them. Small batches, each its own short
 * transaction, a turn of the event loop apart, so intake never waits long.
 */
export function startRetention(db: Db, retentionDays: () => number, log: Logger): { stop(): void } {
  const remove = db.prepare(`
    DELETE FROM events WHERE seq IN (
      SELECT seq FROM events WHERE received_at < ? AND status IN ('delivered', 'discarded', 'skipped', 'received', 'rejected') ORDER BY received_at LIMIT ${BATCH})`);
  let stopped = false;
  const sweep = (removedSoFar: number) => {
    if (stopped) return;
    const removed = remove.run(Date.now() - retentionDays() * DAY_MS).changes;
    if (removed === BATCH) {
      setImmediate(() => sweep(removedSoFar + removed));
      return;
    }
    if (removedSoFar + removed > 0) log.info({ removed: removedSoFar + removed }, 'old events removed (retention)');
  };
  const timer = setInterval(() => sweep(0), EVERY_MS);
  timer.unref();
  setImmediate(() => sweep(0));
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
