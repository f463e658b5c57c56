import {
  type Counts,
  type DayCounts,
  type EventDetail,
  type EventListItem,
  type EventListQuery,
  type EventOutcome,
  type EventStatus,
  eventStatuses,
  type Stats,
} from '../api/contract.js';
import { searchWords } from '../api/search-fold.js';
import { redactHeaders } from '../lib/redact.js';
import { recordsWith, type StoredBody } from './body-format.js';
import type { Db } from './database.js';
import { afterCommitOf } from './after-commit.js';
import { COUNTED_AS, countedAs, NOT_YET_COUNTED } from './event-counters.js';
import { eventWaits } from './event-waits.js';
import { statusFilter } from './status-filter.js';
import { reasonFromColumn } from './stored-reason.js';
import { refusingSourcesReader } from './refusing-sources.js';
import { bounded, boundedOrNull } from '../lib/bounded-text.js';

interface ListRow {
  seq: number;
  id: string;
  source_id: string | null;
  source_name: string | null;
  type: string;
  status: EventStatus;
  received_at: number;
  summary: string;
  http_status: number;
  reason: string | null;
  rejection: string | null;
  body_size: number;
  duplicates: number;
  is_test: number;
  outcome: EventOutcome;
  waits: 'paused' | 'behind' | null;
}

interface DetailRow extends ListRow {
  headers: string;
  content_type: string | null;
  body: Buffer | null;
  parsed: string | null;
  provider_event_id: string | null;
  remote_address: string | null;
}

const LIST_COLUMNS = [
  'seq',
  'id',
  'source_id',
  'source_name',
  'type',
  'status',
  'received_at',
  'summary',
  'http_status',
  'reason',
  'rejection',
  'body_size',
  'duplicates',
  'is_test',
]
  .map((column) => `e.${column}`)
  .concat(`${countedAs('e.')} AS outcome`);
/** The list's columns, with what each event waits for while every delivery is paused (`allPaused`) or not. */
const listColumns = (allPaused: boolean) => [...LIST_COLUMNS, `${eventWaits(allPaused)} AS waits`].join(', ');
const HOUR_MS = 3_600_000;
/** The counters' time step (see the migration that made them): 15 minutes. */
const QUARTER_MS = 900_000;
const QUARTERS_PER_HOUR = 4;

export class EventReader {
  private readonly counted;
  private readonly byId;
  private readonly recordLookup;

  /** Sources refusing what they are sent (see `Stats.refusingSources`). */
  readonly refusingSources;

  constructor(private readonly db: Db) {
    this.refusingSources = refusingSourcesReader(db);
    this.byId = db.prepare('SELECT 1 FROM events WHERE id = ?').pluck();
    // See storedRecord: where the type's newest rows end (an index-only read), then those rows, newest first.
    this.recordLookup = {
      lowest: db
        .prepare(
          `SELECT seq FROM events INDEXED BY events_by_type WHERE type = ?
           ORDER BY seq DESC LIMIT 1 OFFSET ${ORDER_EVENTS_LOOKED_AT - 1}`,
        )
        .pluck(),
      rows: db.prepare(
        `SELECT seq, parsed, status, body, content_type FROM events INDEXED BY events_by_type
         WHERE type = @type AND seq >= @lowest AND source_id = @sourceId AND status != 'rejected'
           AND body_size < @maxBytes AND instr(coalesce(CAST(parsed AS BLOB), body), @value) > 0
         ORDER BY seq DESC`,
      ),
    };
    // The counters, and the few rows committed since the last tally (see after-commit), counted here.
    this.counted = {
      total: db
        .prepare(
          `SELECT coalesce((SELECT n FROM event_totals WHERE status = @status), 0)
             + (SELECT count(*) FROM events WHERE ${NOT_YET_COUNTED} AND status = @status)`,
        )
        .pluck(),
      since: db.prepare(`
        SELECT quarter, status, sum(n) AS n FROM (
          SELECT quarter, status, n FROM event_counts WHERE quarter >= @from
          UNION ALL
          SELECT received_at / ${QUARTER_MS}, ${COUNTED_AS}, 1 FROM events
          WHERE ${NOT_YET_COUNTED} AND received_at >= @from * ${QUARTER_MS})
        GROUP BY quarter, status HAVING sum(n) > 0`),
    };
  }

  /** Whether an event with this id is stored. */
  has(id: string): boolean {
    return this.byId.get(id) !== undefined;
  }

  /**
   * Newest first, one keyset page: `next` is the cursor for the page after this one. `allPaused`: every delivery is
   * paused (the settings' flag), for what each event waits for.
   */
  list(query: EventListQuery, allPaused = false): { items: EventListItem[]; next: string | null } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const filter = (clause: string, value: string | number) => {
      where.push(clause);
      args.push(value);
    };
    const byStatus = statusFilter(query.status, query.destinationId, allPaused);
    if (byStatus) {
      where.push(byStatus.clause);
      args.push(...byStatus.args);
    }
    if (query.sourceId) filter('e.source_id = ?', query.sourceId);
    if (query.type) filter('e.type = ?', query.type);
    const match = query.q ? matchExpression(query.q) : null;
    if (match) {
      afterCommitOf(this.db).catchUp();
      // The index is read newest first from the cursor on, so a common word costs one page, not every match.
      filter('s.events_search MATCH ?', match);
      if (query.before) filter('s.rowid < ?', Number(query.before));
    } else if (query.before) filter('e.seq < ?', Number(query.before));
    const from = match ? 'events_search s CROSS JOIN events e ON e.seq = s.rowid' : 'events e';
    const order = match ? 's.rowid' : 'e.seq';
    const sql = `SELECT ${listColumns(allPaused)} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...args, query.limit + 1) as ListRow[];
    const page = rows.slice(0, query.limit);
    return { items: page.map(toListItem), next: rows.length > query.limit ? String(page.at(-1)!.seq) : null };
  }

  /**
   * The stored event; its deliveries and routing are added by the caller, and its parsed form, read from `stored`
   * (off the engine's thread when the body is large: see DeliveryBodies.parsedJson).
   */
  detail(
    id: string,
    allPaused = false,
  ):
    | (Omit<EventDetail, 'deliveries' | 'routing' | 'routingReason' | 'parsed'> & { seq: number; stored: StoredBody })
    | null {
    const row = this.db
      .prepare(`SELECT *, ${countedAs('e.')} AS outcome, ${eventWaits(allPaused)} AS waits FROM events e WHERE id = ?`)
      .get(id) as DetailRow | undefined;
    if (!row) return null;
    const text = row.body ? decodeUtf8(row.body) : null;
    return {
      ...toListItem(row),
      // Again on the way out: events stored before the rule last grew are shown under today's rule.
      headers: redactHeaders(JSON.parse(row.headers) as Record<string, string>),
      contentType: row.content_type,
      body: row.body === null ? null : (text ?? row.body.toString('base64')),
      bodyEncoding: row.body !== null && text === null ? 'base64' : 'utf8',
      providerEventId: row.provider_event_id,
      remoteAddress: row.remote_address,
      seq: row.seq,
      stored: { parsed: row.parsed, status: row.status, body: row.body, content_type: row.content_type },
    };
  }

  /**
   * The overview's counts, read from counters the database keeps in step with
   * every status change and removal (triggers, see migrations) and adds new events
   * to a moment after their commit, plus the rows committed since: today's
   * and the last 24 hours' by quarter hour (every time zone's midnight falls on
   * one), and the open statuses over all time. A few hundred rows, however many
   * events are stored.
   */
  stats(now = Date.now()): Pick<Stats, 'today' | 'open' | 'hourly'> {
    const open = { pending: this.total('pending'), failed: this.total('failed') };
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    const todayFrom = Math.floor(midnight.getTime() / QUARTER_MS);
    const firstHour = Math.floor(now / HOUR_MS) - 23;
    const rows = this.counted.since.all({ from: Math.min(todayFrom, firstHour * QUARTERS_PER_HOUR) }) as {
      quarter: number;
      status: keyof DayCounts;
      n: number;
    }[];
    const today = zeroCounts();
    const hourly = Array.from({ length: 24 }, (_, i) => ({
      hour: new Date((firstHour + i) * HOUR_MS).toISOString(),
      ...zeroCounts(),
    }));
    for (const row of rows) {
      if (row.quarter >= todayFrom) today[row.status] += row.n;
      const slot = hourly[Math.floor(row.quarter / QUARTERS_PER_HOUR) - firstHour];
      if (slot) slot[row.status] += row.n;
    }
    return { today, open, hourly };
  }

  /** How many events have this status now, whenever they came: read from the counters, as `stats` reads them. */
  total(status: EventStatus): number {
    return this.counted.total.get({ status }) as number;
  }

  /** An event's type and body as stored, unparsed: what a preview works on. */
  storedBody(id: string): { id: string; type: string; stored: StoredBody } | null {
    const row = this.db
      .prepare('SELECT id, type, status, body, parsed, content_type FROM events WHERE id = ?')
      .get(id) as (StoredBody & { id: string; type: string }) | undefined;
    if (!row) return null;
    const { id: eventId, type, ...stored } = row;
    return { id: eventId, type, stored };
  }

  /**
   * The newest stored event of `types` from the source whose body's record (inside its root element, as the mapping
   * reads it) has `field` equal to `value`: an order by its id, for an order line's summary at intake. Only among the
   * newest ORDER_EVENTS_LOOKED_AT of each type, read newest first down the type index and stopped at the first found:
   * a line comes right after its order, so a few rows are read (about 10 µs); an order not among them reads them all
   * (about 1 ms), however many events are stored. A body of `maxBytes` or more is not read (not parsed on the
   * engine's thread: see LARGE_BODY_BYTES). Null when it is not among them.
   */
  storedRecord(
    sourceId: string,
    types: readonly string[],
    field: string,
    value: string,
    maxBytes: number,
  ): Record<string, unknown> | null {
    let newest: { seq: number; record: Record<string, unknown> } | null = null;
    for (const type of types) {
      const lowest = Math.max((newest?.seq ?? 0) + 1, (this.recordLookup.lowest.get(type) as number | undefined) ?? 0);
      const rows = this.recordLookup.rows.iterate({
        type,
        lowest,
        sourceId,
        maxBytes,
        value: Buffer.from(value),
      }) as IterableIterator<StoredBody & { seq: number }>;
      for (const { row, record } of recordsWith(rows, field, value)) {
        newest = { seq: row.seq, record };
        // Ending the iteration early resets the statement for the next type.
        break;
      }
    }
    return newest?.record ?? null;
  }

  /** See storedBodiesMentioning. */
  bodiesMentioning(kinds: StoredKinds, value: string, scope: StoredScope): Iterable<StoredBody> {
    return storedBodiesMentioning(this.db, kinds, value, scope);
  }

  /**
   * Full rows for export, oldest first, a page at a time so a large export never holds the event loop: at most
   * `limit` rows, and no more than `maxBytes` of bodies unless one row alone is larger. Read whole, 500 rows of
   * 5 MB would be 2.5 GB on the engine's thread at once.
   *
   * `waits`: what the event waits for (see eventWaits), which the live log says as "Waits: paused" or "Waiting"
   * rather than on its way.
   */
  exportPage(
    from: number,
    to: number,
    afterSeq: number,
    limit: number,
    maxBytes: number,
    allPaused: boolean,
  ): DetailRow[] {
    const sizes = this.db
      .prepare(
        `SELECT seq, coalesce(length(body), 0) + coalesce(length(parsed), 0) AS size FROM events
         WHERE seq > ? AND received_at >= ? AND received_at < ? ORDER BY seq LIMIT ?`,
      )
      .all(afterSeq, from, to, limit) as { seq: number; size: number }[];
    let taken = 0;
    let bytes = 0;
    while (taken < sizes.length && (taken === 0 || bytes + sizes[taken]!.size <= maxBytes))
      bytes += sizes[taken++]!.size;
    if (taken === 0) return [];
    return this.db
      .prepare(
        `SELECT *, ${countedAs('e.')} AS outcome, ${eventWaits(allPaused)} AS waits
         FROM events e
         WHERE seq > ? AND seq <= ? AND received_at >= ? AND received_at < ? ORDER BY seq`,
      )
      .all(afterSeq, sizes[taken - 1]!.seq, from, to) as DetailRow[];
  }
}

function zeroCounts(): DayCounts {
  return {
    ...(Object.fromEntries(eventStatuses.map((status) => [status, 0])) as Counts),
    partlyDelivered: 0,
    partlyDiscarded: 0,
  };
}

export function toListItem(row: ListRow): EventListItem {
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    type: row.type,
    status: row.status,
    outcome: row.outcome,
    receivedAt: new Date(row.received_at).toISOString(),
    summary: bounded(row.summary),
    httpStatus: row.http_status,
    reason: boundedOrNull(row.reason),
    rejection: reasonFromColumn(row.rejection),
    bodySize: row.body_size,
    duplicates: row.duplicates,
    test: row.is_test === 1,
    heldBehind: row.waits === 'behind',
    waitsPaused: row.waits === 'paused',
  };
}

/**
 * The FTS5 query for what was typed: each word a phrase of its parts, the last part a prefix
 * ("SPIRAL-1706" → "spiral 1706"*), every word required. Parts are letters and digits only,
 * so nothing typed can change the query's syntax.
 */
function matchExpression(q: string): string | null {
  const words = searchWords(q);
  return words.length ? words.map((parts) => `"${parts.join(' ')}"*`).join(' ') : null;
}

export type ExportRow = ReturnType<EventReader['exportPage']>[number];

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** How many of the newest events of each order type an order line's summary looks through for its order. */
export const ORDER_EVENTS_LOOKED_AT = 200;

/**
 * Where an event's order and lines are looked for (see storedBodiesMentioning): the events of the source the event
 * came in on (every source's for a body given to a preview, which came in on none) received since `since`.
 */
export interface StoredScope {
  eventId: string | null;
  since: number;
}

/** Which stored events are looked for: of these types, and only those received before the scope's event if `earlier`. */
export interface StoredKinds {
  types: readonly string[];
  earlier: boolean;
}

/**
 * Accepted events of the given types in `scope` whose stored JSON (the raw body, or an XML or form body's parsed
 * copy) holds `value` somewhere, newest first and read one at a time, so a caller that has what it needs stops there
 * (an order's newest version is most often among the last events). Only the text is searched here: which field holds
 * the value, the caller reads from the parsed body, where a body of any shape (not JSON, text at its top level, nested
 * too deep) is only not a match. SQLite's JSON functions compared the field before: one stored body they could not
 * read stopped every later line of every order, and reading each candidate as JSON took 5-10 s over 1M events.
 */
export function* storedBodiesMentioning(
  db: Db,
  { types, earlier }: StoredKinds,
  value: string,
  scope: StoredScope,
): Generator<StoredBody> {
  yield* db
    .prepare(
      `SELECT parsed, status, body, content_type FROM events INDEXED BY events_by_time
       WHERE received_at >= @since AND status != 'rejected' AND type IN (${types.map(() => '?').join(', ')})
         AND (@eventId IS NULL OR source_id IS (SELECT source_id FROM events WHERE id = @eventId))
         AND (@earlier = 0 OR @eventId IS NULL
           OR (received_at, seq) < (SELECT received_at, seq FROM events WHERE id = @eventId))
         AND instr(coalesce(CAST(parsed AS BLOB), body), @value) > 0
       ORDER BY received_at DESC, seq DESC`,
    )
    .iterate(...types, {
      ...scope,
      earlier: earlier ? 1 : 0,
      value: Buffer.from(value),
    }) as IterableIterator<StoredBody>;
}
