import type { Logger } from 'pino';
import type { Db } from './database.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;
const EVERY_MS = 60_000;

/**
 * One batch of the sweep: removes up to BATCH events received before `before`
 * that need nothing more (delivered, discarded, skipped, taken by no
 * destination, or rejected); answers how many went. Failed and pending events
 * stay until the merchant handles them.
 */
export function retentionBatch(db: Db): (before: number) => number {
  const remove = db.prepare(`
    DELETE FROM events WHERE seq IN (
      SELECT seq FROM events WHERE received_at < ? AND status IN ('delivered', 'discarded', 'skipped', 'received', 'rejected') ORDER BY received_at LIMIT ${BATCH})`);
  return (before) => remove.run(before).changes;
}

/**
 * Removes events older than the retention setting in small batches, each its
 * own short transaction, a turn of the event loop apart, so intake never waits long.
 */
export function startRetention(db: Db, retentionDays: () => number, log: Logger): { stop(): void } {
  const removeBatch = retentionBatch(db);
  let stopped = false;
  const sweep = (removedSoFar: number) => {
    if (stopped) return;
    const removed = removeBatch(Date.now() - retentionDays() * DAY_MS);
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
