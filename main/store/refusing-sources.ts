import { REFUSING_WINDOW_HOURS, type RefusingSource } from '../api/contract.js';
import type { Db } from './database.js';
import { reasonFromColumn } from './stored-reason.js';

/**
 * Refusals that come again the same way however often the sender tries: a key, a signature, a body it cannot read
 * or too large. Not a rate limit (429) nor a slow request (408), which pass on a later try; not an address opened in
 * a browser (405), nor Hookferry's own delivery coming back (410): no order of the source is lost by those.
 */
const LASTING_REFUSAL = 'http_status BETWEEN 400 AND 499 AND http_status NOT IN (404, 405, 408, 410, 429)';

interface Row {
  status: string;
  is_test: number;
  lasting: 0 | 1;
  received_at: number;
  http_status: number;
  reason: string | null;
  rejection: string | null;
}

/**
 * Reads which of `sources` refuse what they are sent (see `Stats.refusingSources`). Each source's rows are read
 * newest first, from the first event of the window on (events_by_source), and the read stops at its latest request
 * taken: one row for a source that works, and at most the refusals the live log keeps of one (REFUSALS_KEPT_PER_HOUR).
 */
export function refusingSourcesReader(db: Db) {
  const windowStart = db.prepare('SELECT seq FROM events WHERE received_at >= ? ORDER BY received_at LIMIT 1').pluck();
  const newestFirst = db.prepare(
    `SELECT status, is_test, (${LASTING_REFUSAL}) AS lasting, received_at, http_status, reason, rejection
     FROM events INDEXED BY events_by_source WHERE source_id = ? AND seq >= ? ORDER BY seq DESC`,
  );
  return (sources: readonly { id: string; name: string }[], now = Date.now()): RefusingSource[] => {
    const from = now - REFUSING_WINDOW_HOURS * 3_600_000;
    const firstSeq = windowStart.get(from) as number | undefined;
    if (firstSeq === undefined) return [];
    const refusing: RefusingSource[] = [];
    for (const source of sources) {
      let latest: Row | null = null;
      let first: Row | null = null;
      let refused = 0;
      for (const row of newestFirst.iterate(source.id, firstSeq) as IterableIterator<Row>) {
        if (row.received_at < from) continue;
        if (row.status !== 'rejected') {
          // A test event is Hookferry's own, not the sender's: it says nothing of the sender's key.
          if (row.is_test) continue;
          break;
        }
        if (!row.lasting) continue;
        refused += 1;
        latest ??= row;
        first = row;
      }
      if (!latest || !first) continue;
      refusing.push({
        id: source.id,
        name: source.name,
        refused,
        since: new Date(first.received_at).toISOString(),
        latestAt: new Date(latest.received_at).toISOString(),
        latestStatus: latest.http_status,
        latestError: latest.reason ?? '',
        latestReason: reasonFromColumn(latest.rejection),
      });
    }
    return refusing.sort((a, b) => b.refused - a.refused);
  };
}
