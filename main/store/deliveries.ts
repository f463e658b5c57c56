import type {
  Attempt,
  AttemptCategory,
  Reason,
  Delivery,
  DeliveryCounts,
  DeliveryListItem,
  DeliveryListQuery,
  DeliveryStatus,
  DeliverySummary,
  EventOutcome,
  EventStatus,
  HeldBy,
} from '../api/contract.js';
import type { Db } from './database.js';
import { COUNTED_AS, countedAs } from './event-counters.js';
import { writeTransaction } from './write-transaction.js';
import { type LastTest, RecentAttempts, triedAsSetUp } from './recent-attempts.js';
import { reasonColumn, reasonFromColumn } from './stored-reason.js';
import { bounded, boundedOrNull } from '../lib/bounded-text.js';
import { said } from '../delivery/said.js';

/** What a delivery's state depends on besides its row: the queue's in-flight set and whether it is paused. */
export interface DeliveryView {
  /** Asked with the delivery's destination: a try still out to a deleted destination is never another's. */
  inFlight: (deliveryId: number, destinationId: string) => boolean;
  paused: (destinationId: string) => boolean;
  now: number;
}

/** An event's status after a change of its deliveries, and what the dashboard names it by. */
export interface EventState {
  eventStatus: EventStatus;
  eventOutcome: EventOutcome;
}

/** A delivery an action changed, and its event's state after it. */
export interface Changed extends EventState {
  id: number;
  eventSeq: number;
  eventId: string;
}

/** A due delivery handed to the queue, with what it needs to build the request. */
export interface ClaimedDelivery {
  id: number;
  eventSeq: number;
  eventId: string;
  destinationId: string;
  attemptCount: number;
  /** 1: a person's resend, to be tried once (see DeliveryStore.requeue); 0: a try of the automatic schedule. */
  oneTry: 0 | 1;
  type: string;
  summary: string;
  sourceName: string | null;
  contentType: string | null;
  body: Buffer | null;
  parsed: string | null;
  eventStatus: EventStatus;
  eventOutcome: EventOutcome;
}

/**
 * What a try on the wire when its destination was deleted did, as events from before deleted destinations kept their
 * deliveries hold it (see the migration that made `sent_when_deleted`): arrived there, did not, or not known.
 */
export type SentWhenDeleted = 'arrived' | 'notArrived' | 'unknown';

/** A try marked on the wire whose result was never written (see DeliveryStore.markSending). */
export interface CutOffTry {
  deliveryId: number;
  destinationId: string;
  eventSeq: number;
  startedAt: number;
}

export interface AttemptResult {
  deliveryId: number;
  destinationId: string;
  eventSeq: number;
  startedAt: number;
  durationMs: number;
  category: AttemptCategory;
  httpStatus: number | null;
  error: string | null;
  reason: Reason | null;
  responseSnippet: string | null;
  /** What the delivery becomes: delivered, skipped, failed, or retrying at `nextAttemptAt` (or discarded: a failed test). */
  status: Extract<DeliveryStatus, 'delivered' | 'skipped' | 'failed' | 'retrying' | 'discarded'>;
  nextAttemptAt: number | null;
  /** A "Send test event" try: in the event's history, not in the destination's figures or health (see RecentAttempts). */
  test?: boolean;
}

interface DeliveryRow {
  id: number;
  event_seq: number;
  event_id: string;
  destination_id: string;
  destination_name: string | null;
  /** 1: its destination was deleted (kept marked, or gone with a delivery from before it was kept). */
  destination_deleted: 0 | 1;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  /** The last attempt's reason (JSON), while its error is the delivery's last error. */
  last_reason: string | null;
  ordered: number;
}

interface ListRow extends DeliveryRow {
  last_attempt_at: number | null;
  type: string;
  summary: string;
  received_at: number;
}

interface AttemptRow {
  delivery_id: number;
  started_at: number;
  duration_ms: number;
  category: AttemptCategory;
  http_status: number | null;
  error: string | null;
  reason: string | null;
  response_snippet: string | null;
}

/**
 * What a result became: its own status, or what the merchant made it meanwhile (`discarded`, or `pending` when
 * resent), and its event's.
 */
export interface RecordedResult extends EventState {
  status: DeliveryStatus;
}

/** A delivery as the queue claims it: with its event, ready to send. */
const CLAIMED_COLUMNS = `d.id, d.event_seq AS eventSeq, e.id AS eventId, d.destination_id AS destinationId,
  d.attempts AS attemptCount, d.one_try AS oneTry, e.type, e.summary, e.source_name AS sourceName,
  e.content_type AS contentType, e.body, e.parsed, e.status AS eventStatus, ${countedAs('e.')} AS eventOutcome,
  d.next_attempt_at AS nextAttemptAt`;

/** Ordered mode's line: what is still to go, and a head that failed for good, which holds it until resent or discarded. */
const IN_LINE = "('pending', 'retrying', 'failed')";
/** Given up when its destination was deleted, the reason kept on the delivery; else its last try's. */
const LAST_REASON = `CASE WHEN d.last_error IS NULL THEN NULL ELSE coalesce(d.discard_reason,
  (SELECT a.reason FROM attempts a WHERE a.delivery_id = d.id ORDER BY a.id DESC LIMIT 1)) END`;
const ROW_COLUMNS = `d.id, d.event_seq, e.id AS event_id, d.destination_id, t.name AS destination_name,
  t.id IS NULL OR t.deleted_at IS NOT NULL AS destination_deleted, d.status, d.attempts,
  d.next_attempt_at, d.last_error, ${LAST_REASON} AS last_reason, json_extract(t.config, '$.ordered') AS ordered`;
const ROW_FROM =
  'FROM deliveries d JOIN events e ON e.seq = d.event_seq LEFT JOIN destinations t ON t.id = d.destination_id';

/** The reasons a delivery given up at its destination's deletion keeps (see giveUpAtDeletion), as stored. */
const GIVEN_UP = (() => {
  const before = said('deleted.beforeArrival');
  const tried = said('deleted.afterTries');
  const sending = said('deleted.whileSending');
  const notArrived = said('deleted.notArrived');
  return {
    before: reasonColumn(before.reason),
    beforeText: before.text,
    tried: reasonColumn(tried.reason),
    triedText: tried.text,
    sending: reasonColumn(sending.reason),
    sendingText: sending.text,
    notArrived: reasonColumn(notArrived.reason),
    notArrivedText: notArrived.text,
  };
})();

/**
 * Deliveries and their attempts in SQLite. "In flight" is not stored: the
 * queue keeps it in memory, so a delivery that was being sent when the process
 * died is simply due again at the next start (at least once, never lost).
 */
export class DeliveryStore {
  private readonly statements;
  private readonly recent = new RecentAttempts();
  /** Made once: markSending runs at every look of the queue that sends something. */
  private readonly markAll: (deliveryIds: number[], at: number) => void;

  constructor(private readonly db: Db) {
    this.recent.load(db);
    this.statements = {
      // Above every delivery there is and every one deleted: an id is never given twice (see the migration).
      create: db.prepare(
        `INSERT INTO deliveries (id, event_seq, destination_id, status, attempts, next_attempt_at, updated_at, one_try)
         VALUES ((SELECT max(upto, coalesce((SELECT max(id) FROM deliveries), 0)) + 1 FROM delivery_ids_used WHERE id = 1),
           ?, ?, 'pending', 0, ?, ?, ?)`,
      ),
      // One status at a time, so each is a range of the (destination, status, next_attempt_at) index read in order.
      due: db.prepare(`
        SELECT ${CLAIMED_COLUMNS} FROM deliveries d JOIN events e ON e.seq = d.event_seq
        WHERE d.destination_id = ? AND d.status = ? AND d.next_attempt_at <= ?
        ORDER BY d.next_attempt_at LIMIT ?`),
      head: db.prepare(`
        SELECT ${CLAIMED_COLUMNS} FROM deliveries d JOIN events e ON e.seq = d.event_seq
        WHERE d.destination_id = ? AND d.status IN ${IN_LINE}
        ORDER BY d.event_seq LIMIT 1`),
      nextDue: db.prepare(`
        SELECT min(at) AS at FROM (
          SELECT min(next_attempt_at) AS at FROM deliveries WHERE destination_id = @id AND status = 'pending'
          UNION ALL
          SELECT min(next_attempt_at) AS at FROM deliveries WHERE destination_id = @id AND status = 'retrying')`),
      countOf: db.prepare('SELECT n FROM delivery_counts WHERE destination_id = ? AND status = ?'),
      resending: db
        .prepare("SELECT count(*) FROM deliveries WHERE status IN ('pending', 'retrying') AND one_try = 1")
        .pluck(),
      resendingPaused: db
        .prepare(
          `SELECT count(*) FROM deliveries d JOIN destinations t ON t.id = d.destination_id
           WHERE d.status IN ('pending', 'retrying') AND d.one_try = 1 AND (t.paused != 0 OR ?)`,
        )
        .pluck(),
      withWork: db
        .prepare("SELECT destination_id FROM delivery_counts WHERE status IN ('pending', 'retrying') AND n > 0")
        .pluck(),
      headDue: db.prepare(
        `SELECT next_attempt_at AS at FROM deliveries WHERE destination_id = ? AND status IN ${IN_LINE} ORDER BY event_seq LIMIT 1`,
      ),
      markTried: db.prepare('UPDATE destinations SET tried = 1 WHERE id = ? AND tried = 0'),
      insertAttempt: db.prepare(
        'INSERT INTO attempts (delivery_id, started_at, duration_ms, category, http_status, error, reason, response_snippet) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      // What the merchant did while this try was out wins over its result (the try is still in its history): a
      // discarded delivery stays discarded, and one resent meanwhile (pending again, changed after the try began; a
      // delivery made with its try, as a test event's, has the try's own time) goes again now instead of waiting out
      // a retry delay, unless this try delivered it. A person's one try stays one only while it waits for a try that
      // said nothing of the destination (busy, asked to wait, cut off by a stop): any other result ends it.
      markResult: db.prepare(
        `UPDATE deliveries SET status = @status, attempts = attempts + 1, next_attempt_at = @next, last_error = @error,
           updated_at = @at, sending_since = NULL, one_try = CASE WHEN @status = 'retrying' THEN one_try ELSE 0 END
         WHERE id = @id AND status != 'discarded'
           AND (@status = 'delivered' OR NOT (status = 'pending' AND updated_at > @startedAt))`,
      ),
      statusOf: db.prepare('SELECT status FROM deliveries WHERE id = ?').pluck(),
      sending: db.prepare('UPDATE deliveries SET sending_since = ? WHERE id = ?'),
      doneSending: db.prepare('UPDATE deliveries SET sending_since = NULL WHERE id = ? AND sending_since IS NOT NULL'),
      onTheWire: db.prepare(
        `SELECT id AS deliveryId, destination_id AS destinationId, event_seq AS eventSeq, sending_since AS startedAt
         FROM deliveries WHERE sending_since IS NOT NULL ORDER BY id`,
      ),
      // With the status, whether any destination has the event and whether one still waits to be sent it: the
      // overview counts one failed here and delivered there apart from one that went nowhere, and one failed here and
      // on its way there as on its way (see the migrations that made `delivered_somewhere` and `waiting_somewhere`).
      // One read of the event's deliveries for all three.
      eventStatus: db.prepare(`
        UPDATE events SET (status, delivered_somewhere, waiting_somewhere) = (
          SELECT event_status(status), coalesce(max(status = 'delivered'), 0),
            coalesce(max(status IN ('pending', 'retrying')), 0)
          FROM deliveries WHERE event_seq = @seq)
        WHERE seq = @seq AND status != 'rejected' RETURNING status AS eventStatus, ${COUNTED_AS} AS eventOutcome`),
      retryNow: db.prepare(
        "UPDATE deliveries SET next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'retrying'",
      ),
      retryingOf: db.prepare("SELECT id, attempts FROM deliveries WHERE destination_id = ? AND status = 'retrying'"),
      openAt: db
        .prepare(
          "SELECT DISTINCT event_seq FROM deliveries WHERE destination_id = ? AND status IN ('pending', 'retrying', 'failed')",
        )
        .pluck(),
      // A try on the wire keeps its mark: its result is written on this delivery when it comes (endedAfterDeletion).
      giveUpAt: db.prepare(
        `UPDATE deliveries SET status = 'discarded', next_attempt_at = NULL, updated_at = @at, one_try = 0,
           last_error = CASE WHEN sending_since IS NOT NULL THEN @sendingText
             WHEN EXISTS (SELECT 1 FROM attempts a WHERE a.delivery_id = deliveries.id) THEN @triedText
             ELSE @beforeText END,
           discard_reason = CASE WHEN sending_since IS NOT NULL THEN @sending
             WHEN EXISTS (SELECT 1 FROM attempts a WHERE a.delivery_id = deliveries.id) THEN @tried
             ELSE @before END
         WHERE destination_id = @id AND status IN ('pending', 'retrying', 'failed')`,
      ),
      // The try that was on the wire when its destination was deleted has ended: arrived, the destination has it
      // (delivered); not, it was given up after that try. A try cut off by a stop leaves it not known.
      endedAfterDeletion: db.prepare(
        `UPDATE deliveries SET attempts = attempts + 1, updated_at = @at,
           status = CASE WHEN @arrived THEN 'delivered' ELSE status END,
           last_error = CASE WHEN @arrived THEN NULL ELSE @notArrivedText END,
           discard_reason = CASE WHEN @arrived THEN NULL ELSE @notArrived END
         WHERE id = @id AND status = 'discarded' AND discard_reason = @sending`,
      ),
      sentWhenDeletedOf: db.prepare('SELECT sent_when_deleted FROM events WHERE seq = ?').pluck(),
      // One waiting for a retry keeps its tries and its schedule; any other (failed, discarded, delivered) starts a
      // count of none and is marked as one try (see requeue). Each SET reads the row as it was.
      requeue: db.prepare(
        `UPDATE deliveries SET status = 'pending',
           attempts = CASE WHEN status = 'retrying' THEN attempts ELSE 0 END,
           one_try = CASE WHEN status = 'retrying' THEN one_try ELSE 1 END,
           next_attempt_at = ?, updated_at = ?
         WHERE id = ? AND status != 'pending'`,
      ),
      discard: db.prepare(
        "UPDATE deliveries SET status = 'discarded', next_attempt_at = NULL, updated_at = ? WHERE id = ? AND status IN ('pending', 'retrying', 'failed')",
      ),
      byId: db.prepare(`SELECT ${ROW_COLUMNS} ${ROW_FROM} WHERE d.id = ?`),
      // Still kept (retention may have removed it since it was read), and without a delivery there.
      noneTo: db.prepare(`SELECT 1 FROM events e WHERE e.seq = ?
        AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_seq = e.seq AND d.destination_id = ?)`),
      byEvent: db.prepare(`SELECT ${ROW_COLUMNS} ${ROW_FROM} WHERE d.event_seq = ? ORDER BY d.id`),
      attemptsOf: db.prepare('SELECT * FROM attempts WHERE delivery_id = ? ORDER BY id'),
      newestCategories: db
        .prepare('SELECT category FROM attempts WHERE delivery_id = ? ORDER BY id DESC LIMIT ?')
        .pluck(),
      lastReasonOf: db.prepare(`SELECT ${LAST_REASON} AS reason FROM deliveries d WHERE d.id = ?`),
      newestFailed: db.prepare(
        `SELECT d.last_error AS lastError, ${LAST_REASON} AS reason, d.updated_at AS at FROM deliveries d
         WHERE d.status = 'failed' AND d.destination_id = ? ORDER BY d.id DESC LIMIT 1`,
      ),
      headOf: db.prepare(
        `SELECT e.id, e.type, e.summary, d.status FROM deliveries d JOIN events e ON e.seq = d.event_seq
         WHERE d.destination_id = ? AND d.status IN ${IN_LINE} ORDER BY d.event_seq LIMIT 1`,
      ),
      // The newest event of a group is its highest seq, the order the rows are listed in: its time is read once per
      // group, not joined for every delivery (10,000 failed deliveries: 50 ms joined).
      counts: db.prepare(`
        SELECT g.destinationId, t.name AS destinationName, g.lastError, g.count, g.sampleId,
               (SELECT received_at FROM events WHERE seq = g.newestSeq) AS newestAt
        FROM (SELECT destination_id AS destinationId, last_error AS lastError, count(*) AS count,
                     max(event_seq) AS newestSeq, max(id) AS sampleId
              FROM deliveries WHERE status = ? GROUP BY destination_id, last_error) g
        LEFT JOIN destinations t ON t.id = g.destinationId WHERE t.deleted_at IS NULL`),
    };
    this.markAll = writeTransaction(db, (deliveryIds: number[], at: number) => {
      for (const id of deliveryIds) this.statements.sending.run(at, id);
    });
  }

  /**
   * Inside the intake's transaction: one pending delivery per destination that wants the event, on the automatic
   * schedule; `oneTry` when a person sends it there (see requeue).
   */
  createFor(eventSeq: number, destinationIds: string[], now: number, oneTry = false): void {
    for (const destinationId of destinationIds)
      this.statements.create.run(eventSeq, destinationId, now, now, oneTry ? 1 : 0);
  }

  /** Up to `limit` due deliveries of one destination, soonest first, leaving out those already in flight. */
  due(destinationId: string, now: number, limit: number, inFlight: ReadonlySet<number>): ClaimedDelivery[] {
    const take = limit + inFlight.size;
    const rows = [
      ...(this.statements.due.all(destinationId, 'retrying', now, take) as (ClaimedDelivery & {
        nextAttemptAt: number;
      })[]),
      ...(this.statements.due.all(destinationId, 'pending', now, take) as (ClaimedDelivery & {
        nextAttemptAt: number;
      })[]),
    ];
    return rows
      .filter((row) => !inFlight.has(row.id))
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.eventSeq - b.eventSeq)
      .slice(0, limit);
  }

  /**
   * Ordered mode: the oldest delivery still in line, if it is due. Nothing behind it may go first, not
   * even when it failed for good: then the line waits until the merchant resends or discards it.
   */
  dueHead(destinationId: string, now: number): ClaimedDelivery | null {
    const head = this.statements.head.get(destinationId) as
      (ClaimedDelivery & { nextAttemptAt: number | null }) | undefined;
    return head && head.nextAttemptAt !== null && head.nextAttemptAt <= now ? head : null;
  }

  /**
   * The destinations with something waiting or to retry, from the counters: the queue looks only at these, so a
   * shop with hundreds of destinations (an import) does not have each asked for due work at every result.
   */
  destinationsWithWork(): Set<string> {
    return new Set(this.statements.withWork.all() as string[]);
  }

  /** When the destination next has something due: its soonest delivery, or in ordered mode its head. */
  nextDueAt(destinationId: string, ordered: boolean): number | null {
    const row = (
      ordered ? this.statements.headDue.get(destinationId) : this.statements.nextDue.get({ id: destinationId })
    ) as { at: number | null } | undefined;
    return row?.at ?? null;
  }

  /**
   * Writes a batch of results in one transaction; answers each delivery's status now and its event's. An event's
   * status is worked out once per batch, from all its deliveries: once per result, the results of an event sent
   * to 300 destinations read 90,000 delivery rows, on the engine's thread.
   */
  readonly record = (results: AttemptResult[]): RecordedResult[] => {
    const statuses = writeTransaction(this.db, () => {
      const deliveryStatuses = results.map((result) => {
        const s = this.statements;
        s.insertAttempt.run(
          result.deliveryId,
          result.startedAt,
          result.durationMs,
          result.category,
          result.httpStatus,
          boundedOrNull(result.error),
          reasonColumn(result.reason),
          result.responseSnippet,
        );
        if (!result.test && triedAsSetUp(result.category, result.reason) && !this.recent.wasTried(result.destinationId))
          s.markTried.run(result.destinationId);
        const { changes } = s.markResult.run({
          status: result.status,
          next: result.nextAttemptAt,
          // The Failed page selects a reason group by this text: bounded, it always fits the selection's limit.
          error: boundedOrNull(result.error),
          at: result.startedAt + result.durationMs,
          id: result.deliveryId,
          startedAt: result.startedAt,
        });
        // Discarded or resent while this try was out: the row's own step stands, and the try is no longer out. Given up
        // because its destination was deleted meanwhile, the try's end is its end there (see giveUpAtDeletion).
        if (changes === 0 && result.category !== 'interrupted')
          s.endedAfterDeletion.run({
            ...GIVEN_UP,
            id: result.deliveryId,
            arrived: result.status === 'delivered' ? 1 : 0,
            at: result.startedAt + result.durationMs,
          });
        if (changes === 0) s.doneSending.run(result.deliveryId);
        return changes > 0 ? result.status : (s.statusOf.get(result.deliveryId) as DeliveryStatus);
      });
      const eventStates = new Map<number, EventState>();
      for (const { eventSeq } of results)
        if (!eventStates.has(eventSeq)) eventStates.set(eventSeq, this.eventStateOf(eventSeq));
      return results.map((result, index) => ({
        status: deliveryStatuses[index]!,
        ...eventStates.get(result.eventSeq)!,
      }));
    })();
    for (const result of results) this.recent.add(result.destinationId, { at: result.startedAt, ...result });
    return statuses;
  };

  /**
   * Marks tries as on the wire before they go out, so a stop or a crash before their result is written leaves a
   * trace (see interruptedTries). Written without waiting for the disk (synchronous=NORMAL for this transaction
   * only): the mark must outlive the process, not a power cut, which the next commit's fsync covers anyway, and
   * an fsync per claim would hold the engine's thread at every send.
   */
  markSending(deliveryIds: number[], at: number): void {
    if (deliveryIds.length === 0) return;
    this.db.pragma('synchronous = NORMAL');
    try {
      this.markAll(deliveryIds, at);
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  /** Tries marked on the wire with no result written: cut off by the last stop or crash. */
  interruptedTries(): CutOffTry[] {
    return this.statements.onTheWire.all() as CutOffTry[];
  }

  /**
   * A person's resend, now (the history stays); answers what changed. One that had left the automatic schedule
   * (failed, discarded, delivered) gets one try: if it fails, it is back in Failed at once with its reason, rather
   * than on a schedule of a day's tries the shopkeeper pressing Resend would not see. Marked in the row, not held in
   * memory, so the one try outlives a crash before it went (and a try cut off by one). One still waiting for a retry
   * goes now and keeps its place in its schedule, as any other.
   */
  requeue(deliveryIds: number[], now: number): Changed[] {
    return this.changeEach(deliveryIds, (id) => this.statements.requeue.run(now, now, id).changes > 0);
  }

  /** A destination's deliveries waiting for a retry, due now (their tries so far and their count stay). */
  retryNow(destinationId: string, now: number): Changed[] {
    const ids = this.idsOf(destinationId, 'retrying');
    return this.changeEach(ids, (id) => this.statements.retryNow.run(now, now, id).changes > 0);
  }

  /**
   * A destination's deliveries waiting for a retry, each due at the time `dueAt` gives for its tries so far
   * (their tries and count stay).
   */
  retryAt(destinationId: string, now: number, dueAt: (attempts: number) => number): Changed[] {
    const waiting = this.statements.retryingOf.all(destinationId) as { id: number; attempts: number }[];
    const due = new Map(waiting.map((row) => [row.id, dueAt(row.attempts)]));
    return this.changeEach([...due.keys()], (id) => this.statements.retryNow.run(due.get(id), now, id).changes > 0);
  }

  discard(deliveryIds: number[], now: number): Changed[] {
    return this.changeEach(deliveryIds, (id) => this.statements.discard.run(now, id).changes > 0);
  }

  /** Adds deliveries for destinations the event did not have yet, each one try as a resend is; answers them. */
  addMissing(eventSeq: number, destinationIds: string[], now: number): Changed[] {
    return writeTransaction(this.db, () => {
      const existing = new Set(
        (this.statements.byEvent.all(eventSeq) as DeliveryRow[]).map((row) => row.destination_id),
      );
      const added = destinationIds.filter((id) => !existing.has(id));
      this.createFor(eventSeq, added, now, true);
      return this.changeEach(this.idsForEvent(eventSeq, added), () => true);
    })();
  }

  /**
   * A first delivery of each of these events to one destination, on the automatic schedule as any first send is,
   * for the events still kept that have none there (checked in this transaction: a second press, or another tab's,
   * never makes a second one); answers those it added.
   */
  addFirstTo(destinationId: string, eventSeqs: number[], now: number): Changed[] {
    return writeTransaction(this.db, () => {
      const added = eventSeqs.filter((seq) => this.statements.noneTo.get(seq, destinationId) !== undefined);
      for (const seq of added) this.createFor(seq, [destinationId], now);
      return this.changeEach(
        added.flatMap((seq) => this.idsForEvent(seq, [destinationId])),
        () => true,
      );
    })();
  }

  /** A destination's deliveries of one status, optionally of one reason (their last error), oldest event first. */
  idsOf(destinationId: string, status: DeliveryStatus, lastError?: string): number[] {
    const rows =
      lastError === undefined
        ? this.db
            .prepare('SELECT id FROM deliveries WHERE destination_id = ? AND status = ? ORDER BY event_seq')
            .all(destinationId, status)
        : this.db
            .prepare(
              'SELECT id FROM deliveries WHERE destination_id = ? AND status = ? AND last_error IS ? ORDER BY event_seq',
            )
            .all(destinationId, status, lastError);
    return (rows as { id: number }[]).map((row) => row.id);
  }

  /** The destinations an event has deliveries for. */
  destinationsOf(eventSeq: number): string[] {
    return (this.statements.byEvent.all(eventSeq) as DeliveryRow[]).map((row) => row.destination_id);
  }

  idsForEvent(eventSeq: number, destinationIds?: string[]): number[] {
    return this.toDestinations(eventSeq, destinationIds).map((delivery) => delivery.id);
  }

  /** The event's deliveries (to these destinations only, if named), each with its destination and status. */
  toDestinations(
    eventSeq: number,
    destinationIds?: string[],
  ): { id: number; destinationId: string; status: DeliveryStatus }[] {
    const rows = this.statements.byEvent.all(eventSeq) as DeliveryRow[];
    return rows
      .filter((row) => !destinationIds || destinationIds.includes(row.destination_id))
      .map((row) => ({ id: row.id, destinationId: row.destination_id, status: row.status }));
  }

  /**
   * How many of a delivery's newest tries were `busy` ones in a row, looking at `most` of them at the most: its
   * `attemptCount`, the tries since it was last sent again by a person (a resend from Failed starts the count afresh).
   */
  busyTriesInARow(deliveryId: number, most: number): number {
    if (most <= 0) return 0;
    const categories = this.statements.newestCategories.all(deliveryId, most) as string[];
    const other = categories.findIndex((category) => category !== 'busy');
    return other === -1 ? categories.length : other;
  }

  summary(id: number, view: DeliveryView): DeliverySummary | null {
    const row = this.statements.byId.get(id) as DeliveryRow | undefined;
    return row ? this.toSummary(row, view) : null;
  }

  detail(id: number, view: DeliveryView): Delivery | null {
    const summary = this.summary(id, view);
    return summary ? { ...summary, attempts: this.attempts(id) } : null;
  }

  forEvent(eventSeq: number, view: DeliveryView): Delivery[] {
    return (this.statements.byEvent.all(eventSeq) as DeliveryRow[]).map((row) => ({
      ...this.toSummary(row, view),
      attempts: this.attempts(row.id),
    }));
  }

  /**
   * Newest event first (the time each row shows), one keyset page (the cursor is `eventSeq:deliveryId`), each with
   * what the merchant knows its event by. Not by delivery id: a delivery added to an old event (a resend to a
   * destination made later) would come first while its row shows an old time.
   */
  list(query: DeliveryListQuery, view: DeliveryView): { items: DeliveryListItem[]; next: string | null } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const filter = (clause: string, value: string | number) => {
      where.push(clause);
      args.push(value);
    };
    if (query.status) filter('d.status = ?', query.status);
    if (query.destinationId) filter('d.destination_id = ?', query.destinationId);
    if (query.lastError !== undefined) filter('d.last_error = ?', query.lastError);
    if (query.before) {
      const [seq, id] = query.before.split(':').map(Number);
      where.push('(d.event_seq, d.id) < (?, ?)');
      args.push(seq!, id!);
    }
    const rows = this.db
      .prepare(
        `SELECT ${ROW_COLUMNS}, e.type, e.summary, e.received_at,
                (SELECT max(a.started_at) FROM attempts a WHERE a.delivery_id = d.id) AS last_attempt_at
         ${ROW_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.event_seq DESC, d.id DESC LIMIT ?`,
      )
      .all(...args, query.limit + 1) as ListRow[];
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => ({
        ...this.toSummary(row, view),
        lastAttemptAt: row.last_attempt_at === null ? null : new Date(row.last_attempt_at).toISOString(),
        event: { type: row.type, summary: row.summary, receivedAt: new Date(row.received_at).toISOString() },
      })),
      next: rows.length > query.limit ? `${page.at(-1)!.event_seq}:${page.at(-1)!.id}` : null,
    };
  }

  /**
   * Deliveries of one status by destination, then by reason: the Failed page's outline. Destinations and reasons
   * come newest order first (by the latest time an event among them was received, the time the rows show), so the
   * page reads top down from the latest trouble, as its rows do within each reason; not most first, which put a
   * reason of last week above one of a minute ago.
   */
  counts(status: DeliveryStatus): DeliveryCounts {
    const rows = this.statements.counts.all(status) as {
      destinationId: string;
      destinationName: string | null;
      lastError: string | null;
      count: number;
      newestAt: number;
      sampleId: number;
    }[];
    const byDestination = new Map<string, DeliveryCounts['destinations'][number]>();
    for (const row of rows) {
      let entry = byDestination.get(row.destinationId);
      if (!entry) {
        entry = {
          destinationId: row.destinationId,
          destinationName: row.destinationName ?? 'a deleted destination',
          count: 0,
          reasons: [],
        };
        byDestination.set(row.destinationId, entry);
      }
      entry.count += row.count;
      // One reason is one sentence, so any of its deliveries gives its code and parameters.
      const { reason } = this.statements.lastReasonOf.get(row.sampleId) as { reason: string | null };
      entry.reasons.push({
        lastError: boundedOrNull(row.lastError),
        reason: reasonFromColumn(reason),
        count: row.count,
        newestAt: new Date(row.newestAt).toISOString(),
      });
    }
    const newest = (entry: { reasons: { newestAt: string }[] }) =>
      entry.reasons.reduce((latest, reason) => (reason.newestAt > latest ? reason.newestAt : latest), '');
    for (const entry of byDestination.values()) entry.reasons.sort((a, b) => b.newestAt.localeCompare(a.newestAt));
    const destinations = [...byDestination.values()].sort((a, b) => newest(b).localeCompare(newest(a)));
    return { destinations };
  }

  /**
   * For the overview: backlog, failures and attempt figures of one destination over the last day, from counters.
   * With no error in that day but something of it waiting in Failed (it failed before a restart, days ago), the
   * last error is that delivery's, so the card says why it waits.
   */
  destinationFigures(destinationId: string, now: number) {
    const counts = this.openCounts(destinationId);
    const figures = this.recent.figures(destinationId, now);
    const waiting =
      figures.lastError === null && counts.failed > 0
        ? (this.statements.newestFailed.get(destinationId) as
            { lastError: string | null; reason: string | null; at: number } | undefined)
        : undefined;
    return {
      backlog: counts.pending + counts.retrying,
      failed: counts.failed,
      ...figures,
      ...(waiting?.lastError
        ? {
            lastError: bounded(waiting.lastError),
            lastReason: reasonFromColumn(waiting.reason),
            lastErrorAt: new Date(waiting.at).toISOString(),
          }
        : {}),
      lastTest: this.recent.lastTest(destinationId),
      testFailing: this.recent.testFailing(destinationId),
    };
  }

  /**
   * Nothing of the destination waits and a test went through since its latest failed try: with no order left to try,
   * that test is the newest news of its receiver.
   */
  mendedByTest(destinationId: string, now = Date.now()): boolean {
    const figures = this.destinationFigures(destinationId, now);
    return figures.backlog + figures.failed === 0 && testedSince(figures);
  }

  /** Deliveries a person resent whose one try has not ended (waiting for it, on the wire, or asked to wait). */
  resending(): number {
    return this.statements.resending.get() as number;
  }

  /** Of those resent (see resending), the ones a pause holds (`allPaused`: every delivery is paused). */
  resendingPaused(allPaused: boolean): number {
    return this.statements.resendingPaused.get(allPaused ? 1 : 0) as number;
  }

  /** No delivery of the destination is pending, retrying (on the wire or not) or failed. */
  nothingWaits(destinationId: string): boolean {
    return noneOpen(this.openCounts(destinationId));
  }

  /** Whether anything was ever sent to the destination, or tried to be (test events aside). */
  wasTried(destinationId: string): boolean {
    return this.recent.wasTried(destinationId);
  }

  /** How many of the destination's latest tries failed in a row (see RecentAttempts.failuresInARow). */
  failuresInARow(destinationId: string): number {
    return this.recent.failuresInARow(destinationId);
  }

  /**
   * Whether the destination's latest try failed (see RecentAttempts.lastFailed). With no try known since a day
   * before the start, what still waits in Failed for it says so: a failure days ago is not health.
   */
  lastTryFailed(destinationId: string): boolean {
    return this.recent.lastFailed(destinationId) ?? this.openCounts(destinationId).failed > 0;
  }

  /** The event at the head of an ordered destination's line (retrying, waiting, or failed and holding it). */
  headOf(destinationId: string): HeldBy | null {
    const head = this.statements.headOf.get(destinationId) as
      { id: string; type: string; summary: string; status: DeliveryStatus } | undefined;
    return head ? { eventId: head.id, label: referenceOf(head.summary, head.type), status: head.status } : null;
  }

  /**
   * Inside the deletion of a destination (see DestinationStore.delete): what still waited for it (pending, retrying,
   * in Failed) is given up there with the reason kept, and its events are summed up again by the usual rules
   * (delivered elsewhere and given up here: partly discarded). What it received stays delivered; every try stays.
   */
  giveUpAtDeletion(destinationId: string, now: number): void {
    const seqs = this.statements.openAt.all(destinationId) as number[];
    this.statements.giveUpAt.run({ ...GIVEN_UP, id: destinationId, at: now });
    for (const seq of seqs) this.eventStateOf(seq);
  }

  /** What a try out when the event's destination was deleted did, for an event from before deliveries were kept. */
  sentWhenDeleted(eventSeq: number): SentWhenDeleted | null {
    return (this.statements.sentWhenDeletedOf.get(eventSeq) as SentWhenDeleted | null | undefined) ?? null;
  }

  /** How many of these deliveries are pending and how many retrying, as stored. */
  openAmong(deliveryIds: number[]): { pending: number; retrying: number } {
    const counts = { pending: 0, retrying: 0 };
    for (const id of deliveryIds) {
      const status = this.statements.statusOf.get(id) as DeliveryStatus | undefined;
      if (status === 'pending' || status === 'retrying') counts[status]++;
    }
    return counts;
  }

  /** Open deliveries of one destination by status, from the counters the database keeps (see migrations). */
  openCounts(destinationId: string): { pending: number; retrying: number; failed: number } {
    const count = (status: DeliveryStatus) =>
      (this.statements.countOf.get(destinationId, status) as { n: number } | undefined)?.n ?? 0;
    return { pending: count('pending'), retrying: count('retrying'), failed: count('failed') };
  }

  /** Sums up an event's status again from its deliveries. */
  private eventStateOf(seq: number): EventState {
    return this.statements.eventStatus.get({ seq }) as EventState;
  }

  /** Applies `change` to each delivery in one transaction; the events of those it changed are summed up again. */
  private changeEach(deliveryIds: number[], change: (id: number) => boolean): Changed[] {
    return writeTransaction(this.db, () => {
      const changed: Changed[] = [];
      for (const id of deliveryIds) {
        if (!change(id)) continue;
        const row = this.statements.byId.get(id) as DeliveryRow;
        changed.push({ id, eventSeq: row.event_seq, eventId: row.event_id, ...this.eventStateOf(row.event_seq) });
      }
      return changed;
    })();
  }

  private attempts(deliveryId: number): Attempt[] {
    return (this.statements.attemptsOf.all(deliveryId) as AttemptRow[]).map((row) => ({
      at: new Date(row.started_at).toISOString(),
      durationMs: row.duration_ms,
      category: row.category,
      httpStatus: row.http_status,
      error: boundedOrNull(row.error),
      reason: reasonFromColumn(row.reason),
      responseSnippet: row.response_snippet,
    }));
  }

  /**
   * A paused delivery and one waiting in an ordered line have no next-try time (it would be a time in the
   * past, or a promise the line may not keep); a due one has none either: it goes now.
   */
  private toSummary(row: DeliveryRow, view: DeliveryView): DeliverySummary {
    const open = row.status === 'pending' || row.status === 'retrying';
    const head = open && row.ordered ? this.headOf(row.destination_id) : null;
    const heldBy = head && head.eventId !== row.event_id ? head : null;
    const paused = open && view.paused(row.destination_id);
    const next = row.next_attempt_at;
    return {
      id: String(row.id),
      eventId: row.event_id,
      destinationId: row.destination_id,
      destinationName: row.destination_name ?? 'a deleted destination',
      destinationDeleted: row.destination_deleted === 1,
      status: open && view.inFlight(row.id, row.destination_id) ? 'delivering' : row.status,
      attemptCount: row.attempts,
      nextAttemptAt:
        open && !paused && !heldBy && next !== null && next > view.now ? new Date(next).toISOString() : null,
      lastError: boundedOrNull(row.last_error),
      lastReason: reasonFromColumn(row.last_reason),
      paused,
      heldBy,
    };
  }
}

/** What the merchant knows an event by: the reference its summary names (an invoice), else its type. */
export function referenceOf(summary: string, type: string): string {
  const [first, second] = summary.split(' · ');
  return first === type && second ? second : type;
}

/** Its latest test went through, after its latest failed try if one is known. */
export function testedSince({
  lastTest,
  lastErrorAt,
}: {
  lastTest: LastTest | null;
  lastErrorAt: string | null;
}): boolean {
  return !!lastTest?.ok && (lastErrorAt === null || Date.parse(lastTest.at) >= Date.parse(lastErrorAt));
}

/** Open counts (see DeliveryStore.openCounts) with nothing pending, retrying or failed: nothing of it waits. */
export function noneOpen(open: { pending: number; retrying: number; failed: number }): boolean {
  return open.pending + open.retrying + open.failed === 0;
}
