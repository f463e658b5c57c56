import type { EarlierCounts, EarlierWindow } from '../api/contract.js';
import { subscribes } from '../delivery/patterns.js';
import type { Db } from './database.js';

const HOUR_MS = 3_600_000;

/** Where each window the merchant picks begins, counted back from now. */
export function windowStart(window: EarlierWindow, now: number): number {
  if (window === 'day') return now - 24 * HOUR_MS;
  if (window === 'week') return now - 7 * 24 * HOUR_MS;
  return 0;
}

/**
 * Read this many events' seqs at a time, the engine's thread given back between them: a store of a million events
 * is read in pieces of a few milliseconds each, so intake and the dashboard go on meanwhile.
 */
export const EARLIER_PAGE = 5_000;

/** What a destination takes: its event patterns and sources, as the routing reads them. */
export interface Taker {
  id: string;
  events: string[];
  sourceIds: string[];
}

/**
 * The stored events a destination takes now but never had: received before it took them (added later, or its
 * event types or sources changed), so they have no delivery there at all, neither sent, failed, discarded nor
 * waiting. Test events and refused requests are no orders and are never among them. An event of a test has no
 * source, so its mark (stored after the body) is read only for events without one.
 */
export class EarlierEvents {
  private readonly statements;

  constructor(db: Db) {
    const unsent = `seq > @from AND seq <= @to AND status != 'rejected' AND (source_id IS NOT NULL OR is_test = 0)
      AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_seq = events.seq AND d.destination_id = @destination)`;
    this.statements = {
      // Everything kept: the ends of the table, read at once; a window: the ends of its part of the time index.
      span: db.prepare('SELECT coalesce(min(seq) - 1, 0) AS first, coalesce(max(seq), 0) AS last FROM events'),
      spanSince: db.prepare(
        'SELECT coalesce(min(seq) - 1, 0) AS first, coalesce(max(seq), 0) AS last FROM events WHERE received_at >= ?',
      ),
      counts: db.prepare(`
        SELECT type, source_id AS sourceId, count(*) AS total, sum(received_at >= @week) AS week,
          sum(received_at >= @day) AS day
        FROM events WHERE ${unsent} GROUP BY type, source_id`),
      seqs: db.prepare(`
        SELECT seq, type, source_id AS sourceId FROM events WHERE ${unsent} AND received_at >= @since ORDER BY seq`),
    };
  }

  /** How many there are in each window. */
  async count(destination: Taker, now: number): Promise<EarlierCounts> {
    const counts = { day: 0, week: 0, all: 0 };
    const bounds = { day: windowStart('day', now), week: windowStart('week', now) };
    for await (const range of this.ranges(0)) {
      const groups = this.statements.counts.all({ ...range, ...bounds, destination: destination.id }) as {
        type: string;
        sourceId: string | null;
        total: number;
        week: number;
        day: number;
      }[];
      for (const group of groups) {
        if (!subscribes(destination, group.type, group.sourceId)) continue;
        counts.all += group.total;
        counts.week += group.week;
        counts.day += group.day;
      }
    }
    return counts;
  }

  /**
   * Their seqs, oldest first, a page at a time. `taker` is asked again before each page: a destination changed
   * (or deleted: then undefined, and the pages end) while they are read is read as it is now.
   */
  async *pages(taker: () => Taker | null, since: number): AsyncGenerator<number[]> {
    for await (const range of this.ranges(since)) {
      const destination = taker();
      if (!destination) return;
      const rows = this.statements.seqs.all({ ...range, since, destination: destination.id }) as {
        seq: number;
        type: string;
        sourceId: string | null;
      }[];
      const seqs = rows.filter((row) => subscribes(destination, row.type, row.sourceId)).map((row) => row.seq);
      if (seqs.length > 0) yield seqs;
    }
  }

  /** The events stored now received since then, as ranges of seqs; one that arrives later is routed as it comes. */
  private async *ranges(since: number): AsyncGenerator<{ from: number; to: number }> {
    const { first, last } = (since > 0 ? this.statements.spanSince.get(since) : this.statements.span.get()) as {
      first: number;
      last: number;
    };
    for (let from = first; from < last; from += EARLIER_PAGE) {
      yield { from, to: Math.min(from + EARLIER_PAGE, last) };
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
