import type {
  Attempt,
  AttemptCategory,
  Reason,
  Delivery,
  DeliveryStatus,
  DeliverySummary,
  EventStatus,
} from '../api/contract.js';
import type { Db } from './database.js';

/** A due delivery handed to the queue, with what it needs to build the request. */
export interface ClaimedDelivery {
  id: number;
  eventSeq: number;
  eventId: string;
  destinationId: string;
  attemptCount: number;
  type: string;
  sourceName: string | null;
  contentType: string | null;
  body: Buffer | null;
  parsed: string | null;
  eventStatus: EventStatus;
}

export interface AttemptResult {
  deliveryId: number;
  eventSeq: number;
  startedAt: number;
  durationMs: number;
  category: AttemptCategory;
  httpStatus: number | null;
  error: string | null;
  reason: Reason | null;
  responseSnippet: string | null;
  /** What the delivery becomes: delivered, skipped, failed, or retrying at `nextAttemptAt`. */
  status: Extract<DeliveryStatus, 'delivered' | 'skipped' | 'failed' | 'retrying'>;
  nextAttemptAt: number | null;
}

interface DeliveryRow {
  id: number;
  event_seq: number;
  event_id: string;
  destination_id: string;
  destination_name: string | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  ordered: number;
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

const OPEN = "('pending', 'retrying')";
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deliveries and their attempts in SQLite. "In flight" is not stored: the
 * queue keeps it in memory, so a delivery that was being sent when the process
 * died is simply due again at the next start (at least once, never lost).
 */
export class DeliveryStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      create: db.prepare(
        "INSERT INTO deliveries (event_seq, destination_id, status, attempts, next_attempt_at, updated_at) VALUES (?, ?, 'pending', 0, ?, ?)",
      ),
      // One status at a time, so each is a range of the (destination, status, next_attempt_at) index read in order.
      due: db.prepare(`
        SELECT d.id, d.event_seq AS eventSeq, e.id AS eventId, d.destination_id AS destinationId, d.attempts AS attemptCount,
               e.type, e.source_name AS sourceName, e.content_type AS contentType, e.body, e.parsed, e.status AS eventStatus, d.next_attempt_at AS nextAttemptAt
        FROM deliveries d JOIN events e ON e.seq = d.event_seq
        WHERE d.destination_id = ? AND d.status = ? AND d.next_attempt_at <= ?
        ORDER BY d.next_attempt_at LIMIT ?`),
      head: db.prepare(`
        SELECT d.id, d.event_seq AS eventSeq, e.id AS eventId, d.destination_id AS destinationId, d.attempts AS attemptCount,
               e.type, e.source_name AS sourceName, e.content_type AS contentType, e.body, e.parsed, e.status AS eventStatus, d.next_attempt_at AS nextAttemptAt
        FROM deliveries d JOIN events e ON e.seq = d.event_seq
        WHERE d.destination_id = ? AND d.status IN ${OPEN}
        ORDER BY d.event_seq LIMIT 1`),
      nextDue: db.prepare(`
        SELECT min(at) AS at FROM (
          SELECT min(next_attempt_at) AS at FROM deliveries WHERE destination_id = @id AND status = 'pending'
          UNION ALL
          SELECT min(next_attempt_at) AS at FROM deliveries WHERE destination_id = @id AND status = 'retrying')`),
      countOf: db.prepare('SELECT count(*) AS n FROM deliveries WHERE destination_id = ? AND status = ?'),
      headDue: db.prepare(
        `SELECT next_attempt_at AS at FROM deliveries WHERE destination_id = ? AND status IN ${OPEN} ORDER BY event_seq LIMIT 1`,
      ),
      insertAttempt: db.prepare(
        'INSERT INTO attempts (delivery_id, started_at, duration_ms, category, http_status, error, reason, response_snippet) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      markResult: db.prepare(
        'UPDATE deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?',
      ),
      eventStatus: db.prepare(`
        UPDATE events SET status = (
          SELECT CASE
            WHEN count(*) = 0 THEN 'received'
            WHEN sum(status IN ('pending', 'retrying')) > 0 THEN 'pending'
            WHEN sum(status = 'failed') > 0 THEN 'failed'
            ELSE 'delivered' END
          FROM deliveries WHERE event_seq = @seq)
        WHERE seq = @seq RETURNING status`),
      requeue: db.prepare(
        "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status != 'pending'",
      ),
      discard: db.prepare(
        "UPDATE deliveries SET status = 'discarded', next_attempt_at = NULL, updated_at = ? WHERE id = ? AND status IN ('pending', 'retrying', 'failed')",
      ),
      byId: db.prepare(`
        SELECT d.id, d.event_seq, e.id AS event_id, d.destination_id, t.name AS destination_name, d.status, d.attempts,
               d.next_attempt_at, d.last_error, json_extract(t.config, '$.ordered') AS ordered
        FROM deliveries d JOIN events e ON e.seq = d.event_seq LEFT JOIN destinations t ON t.id = d.destination_id
        WHERE d.id = ?`),
      byEvent: db.prepare(`
        SELECT d.id, d.event_seq, e.id AS event_id, d.destination_id, t.name AS destination_name, d.status, d.attempts,
               d.next_attempt_at, d.last_error, json_extract(t.config, '$.ordered') AS ordered
        FROM deliveries d JOIN events e ON e.seq = d.event_seq LEFT JOIN destinations t ON t.id = d.destination_id
        WHERE d.event_seq = ? ORDER BY d.id`),
      attemptsOf: db.prepare('SELECT * FROM attempts WHERE delivery_id = ? ORDER BY id'),
      headEventOf: db.prepare(
        `SELECT e.id FROM deliveries d JOIN events e ON e.seq = d.event_seq WHERE d.destination_id = ? AND d.status IN ${OPEN} ORDER BY d.event_seq LIMIT 1`,
      ),
    };
  }

  /** Inside the intake's transaction: one pending delivery per destination that wants the event. */
  createFor(eventSeq: number, destinationIds: string[], now: number): void {
    for (const destinationId of destinationIds) this.statements.create.run(eventSeq, destinationId, now, now);
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

  /** Ordered mode: the oldest open delivery, if it is due; nothing behind it may go first. */
  dueHead(destinationId: string, now: number): ClaimedDelivery | null {
    const head = this.statements.head.get(destinationId) as (ClaimedDelivery & { nextAttemptAt: number }) | undefined;
    return head && head.nextAttemptAt <= now ? head : null;
  }

  /** When the destination next has something due: its soonest delivery, or in ordered mode its head. */
  nextDueAt(destinationId: string, ordered: boolean): number | null {
    const row = (
      ordered ? this.statements.headDue.get(destinationId) : this.statements.nextDue.get({ id: destinationId })
    ) as { at: number | null } | undefined;
    return row?.at ?? null;
  }

  /** Writes a batch of results in one transaction; answers each affected event's new status. */
  readonly record = (results: AttemptResult[]): EventStatus[] =>
    this.db.transaction(() =>
      results.map((result) => {
        const s = this.statements;
        s.insertAttempt.run(
          result.deliveryId,
          result.startedAt,
          result.durationMs,
          result.category,
          result.httpStatus,
          result.error,
          result.reason === null ? null : JSON.stringify(result.reason),
          result.responseSnippet,
        );
        s.markResult.run(
          result.status,
          result.nextAttemptAt,
          result.error,
          result.startedAt + result.durationMs,
          result.deliveryId,
        );
        return (s.eventStatus.get({ seq: result.eventSeq }) as { status: EventStatus }).status;
      }),
    )();

  /** Sends again from the first attempt (the history stays); answers how many were queued. */
  requeue(deliveryIds: number[], now: number): number {
    return this.db.transaction(() => {
      let queued = 0;
      const events = new Set<number>();
      for (const id of deliveryIds) {
        if (this.statements.requeue.run(now, now, id).changes > 0) {
          queued++;
          events.add((this.statements.byId.get(id) as DeliveryRow).event_seq);
        }
      }
      for (const seq of events) this.statements.eventStatus.get({ seq });
      return queued;
    })();
  }

  discard(deliveryIds: number[], now: number): number {
    return this.db.transaction(() => {
      let discarded = 0;
      for (const id of deliveryIds) {
        if (this.statements.discard.run(now, id).changes > 0) {
          discarded++;
          this.statements.eventStatus.get({ seq: (this.statements.byId.get(id) as DeliveryRow).event_seq });
        }
      }
      return discarded;
    })();
  }

  /** Adds deliveries for destinations the event did not have yet (resend to a chosen destination). */
  addMissing(eventSeq: number, destinationIds: string[], now: number): number {
    return this.db.transaction(() => {
      const existing = new Set(
        (this.statements.byEvent.all(eventSeq) as DeliveryRow[]).map((row) => row.destination_id),
      );
      const added = destinationIds.filter((id) => !existing.has(id));
      this.createFor(eventSeq, added, now);
      this.statements.eventStatus.get({ seq: eventSeq });
      return added.length;
    })();
  }

  idsOf(destinationId: string, status: DeliveryStatus): number[] {
    return (
      this.db
        .prepare('SELECT id FROM deliveries WHERE destination_id = ? AND status = ? ORDER BY event_seq')
        .all(destinationId, status) as { id: number }[]
    ).map((row) => row.id);
  }

  idsForEvent(eventSeq: number, destinationIds?: string[]): number[] {
    const rows = this.statements.byEvent.all(eventSeq) as DeliveryRow[];
    return rows.filter((row) => !destinationIds || destinationIds.includes(row.destination_id)).map((row) => row.id);
  }

  summary(id: number, inFlight: (id: number) => boolean): DeliverySummary | null {
    const row = this.statements.byId.get(id) as DeliveryRow | undefined;
    return row ? this.toSummary(row, inFlight) : null;
  }

  detail(id: number, inFlight: (id: number) => boolean): Delivery | null {
    const summary = this.summary(id, inFlight);
    return summary ? { ...summary, attempts: this.attempts(id) } : null;
  }

  forEvent(eventSeq: number, inFlight: (id: number) => boolean): Delivery[] {
    return (this.statements.byEvent.all(eventSeq) as DeliveryRow[]).map((row) => ({
      ...this.toSummary(row, inFlight),
      attempts: this.attempts(row.id),
    }));
  }

  /** For the overview: backlog, failures and attempt figures of one destination over the last day. */
  destinationFigures(destinationId: string, now: number) {
    const counts = this.openCounts(destinationId);
    const recent = this.db
      .prepare(
        `SELECT a.category, a.duration_ms AS durationMs, a.error FROM attempts a JOIN deliveries d ON d.id = a.delivery_id
         WHERE d.destination_id = ? AND a.started_at >= ? AND a.category != 'skipped' ORDER BY a.id DESC LIMIT 5000`,
      )
      .all(destinationId, now - DAY_MS) as { category: AttemptCategory; durationMs: number; error: string | null }[];
    const durations = recent.map((attempt) => attempt.durationMs).sort((a, b) => a - b);
    return {
      backlog: counts.pending + counts.retrying,
      failed: counts.failed,
      lastError: recent.find((attempt) => attempt.error)?.error ?? null,
      successRate: recent.length
        ? recent.filter((attempt) => attempt.category === 'delivered').length / recent.length
        : null,
      p95Ms: durations.length
        ? durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)]!
        : null,
    };
  }

  /** The event at the head of an ordered destination's line. */
  headEventId(destinationId: string): string | null {
    return (this.statements.headEventOf.get(destinationId) as { id: string } | undefined)?.id ?? null;
  }

  /** After a destination is deleted (its deliveries go with it), its events' statuses are summed up again. */
  recountEvents(eventSeqs: number[]): void {
    this.db.transaction(() => {
      for (const seq of eventSeqs) this.statements.eventStatus.get({ seq });
    })();
  }

  openEventSeqsOf(destinationId: string): number[] {
    return (
      this.db
        .prepare(
          "SELECT DISTINCT event_seq AS seq FROM deliveries WHERE destination_id = ? AND status IN ('pending', 'retrying', 'failed')",
        )
        .all(destinationId) as { seq: number }[]
    ).map((row) => row.seq);
  }

  /** Open deliveries of one destination by status: short ranges of the (destination, status) index. */
  openCounts(destinationId: string): { pending: number; retrying: number; failed: number } {
    const count = (status: DeliveryStatus) => (this.statements.countOf.get(destinationId, status) as { n: number }).n;
    return { pending: count('pending'), retrying: count('retrying'), failed: count('failed') };
  }

  private attempts(deliveryId: number): Attempt[] {
    return (this.statements.attemptsOf.all(deliveryId) as AttemptRow[]).map((row) => ({
      at: new Date(row.started_at).toISOString(),
      durationMs: row.duration_ms,
      category: row.category,
      httpStatus: row.http_status,
      error: row.error,
      reason: row.reason === null ? null : (JSON.parse(row.reason) as Reason),
      responseSnippet: row.response_snippet,
    }));
  }

  private toSummary(row: DeliveryRow, inFlight: (id: number) => boolean): DeliverySummary {
    const open = row.status === 'pending' || row.status === 'retrying';
    const head = open && row.ordered ? this.headEventId(row.destination_id) : null;
    return {
      id: String(row.id),
      eventId: row.event_id,
      destinationId: row.destination_id,
      destinationName: row.destination_name ?? 'a deleted destination',
      status: open && inFlight(row.id) ? 'delivering' : row.status,
      attemptCount: row.attempts,
      nextAttemptAt: open && row.next_attempt_at !== null ? new Date(row.next_attempt_at).toISOString() : null,
      lastError: row.last_error,
      heldBy: head && head !== row.event_id ? head : null,
    };
  }
}
