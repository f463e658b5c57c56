import type { Db } from './database.js';

/**
 * The events the overview's counters do not hold yet: committed since the last tally (test events are never
 * counted). Status changes and removals of these rows leave the counters alone; the tally counts each by the
 * status it has by then (see the migration that made `counted_upto`).
 */
export const NOT_YET_COUNTED = 'seq > (SELECT seq FROM counted_upto WHERE id = 1) AND is_test = 0';

/**
 * What an event counts as by quarter hour (the overview's day and chart): its status, except a failed event still on
 * its way to another destination, counted as 'pending' (see the migration that made `waiting_somewhere`), one
 * delivered to another, counted as 'partlyDelivered' (see the one that made `delivered_somewhere`), and a discarded
 * one delivered to another, counted as 'partlyDiscarded'. The triggers of the latest of these migrations say the same.
 */
export const countedAs = (table = '') =>
  `CASE WHEN ${table}status = 'failed' AND ${table}waiting_somewhere = 1 THEN 'pending' WHEN ${table}status = 'failed' AND ${table}delivered_somewhere = 1 THEN 'partlyDelivered' WHEN ${table}status = 'discarded' AND ${table}delivered_somewhere = 1 THEN 'partlyDiscarded' ELSE ${table}status END`;
export const COUNTED_AS = countedAs();

/**
 * Adds the events not yet counted to the counters and moves the mark past them. Run inside a
 * transaction: in the search index's batch after intake commits (one fsync for both), and at open for
 * what a crash left uncounted.
 */
export function eventTally(db: Db): () => void {
  // One scan grouped in SQL, the two tables added to from its few rows: as two INSERT … SELECT … GROUP BY, the
  // same rows cost ten times the CPU (8–16 µs an event against about 1 in a batch of 100–500).
  const uncounted = db.prepare(`
    SELECT received_at / 900000 AS quarter, ${COUNTED_AS} AS countedAs, status, count(*) AS n FROM events
    WHERE ${NOT_YET_COUNTED} GROUP BY 1, 2, 3`);
  const addToQuarter = db.prepare(
    'INSERT INTO event_counts VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n',
  );
  const addToTotal = db.prepare('INSERT INTO event_totals VALUES (?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n');
  const mark = db.prepare('UPDATE counted_upto SET seq = (SELECT coalesce(max(seq), 0) FROM events) WHERE id = 1');
  return () => {
    const totals = new Map<string, number>();
    const rows = uncounted.all() as { quarter: number; countedAs: string; status: string; n: number }[];
    for (const { quarter, countedAs, status, n } of rows) {
      addToQuarter.run(quarter, countedAs, n);
      totals.set(status, (totals.get(status) ?? 0) + n);
    }
    for (const [status, n] of totals) addToTotal.run(status, n);
    mark.run();
  };
}
