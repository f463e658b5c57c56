import type { Db } from './database.js';

/**
 * The events the overview's counters do not hold yet: committed since the last tally (test events are never
 * counted). Status changes and removals of these rows leave the counters alone; the tally counts each by the
 * status it has by then (see the migration that made `counted_upto`).
 */
export const NOT_YET_COUNTED = 'seq > (SELECT seq FROM counted_upto WHERE id = 1) AND is_test = 0';

/**
 * Adds the events not yet counted to the counters and moves the mark past them. Run inside a
 * transaction: in the search index's batch after intake commits (one fsync for both), and at open for
 * what a crash left uncounted.
 */
export function eventTally(db: Db): () => void {
  const byQuarter = db.prepare(`
    INSERT INTO event_counts
      SELECT received_at / 900000, status, count(*) FROM events WHERE ${NOT_YET_COUNTED} GROUP BY 1, 2
    ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  const byStatus = db.prepare(`
    INSERT INTO event_totals SELECT status, count(*) FROM events WHERE ${NOT_YET_COUNTED} GROUP BY 1
    ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  const mark = db.prepare('UPDATE counted_upto SET seq = (SELECT coalesce(max(seq), 0) FROM events) WHERE id = 1');
  return () => {
    byQuarter.run();
    byStatus.run();
    mark.run();
  };
}
