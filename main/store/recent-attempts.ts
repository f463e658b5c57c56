import type { AttemptCategory, Reason } from '../api/contract.js';
import type { Db } from './database.js';
import { reasonFromColumn } from './stored-reason.js';
import { boundedOrNull } from '../lib/bounded-text.js';

/** The overview's figures look at a destination's last day, at most this many attempts. */
export const RECENT_ATTEMPTS = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Recent {
  at: number;
  durationMs: number;
  delivered: boolean;
  /** The destination answered (any status): a timeout or a refused connection is no answer, however long it took. */
  answered: boolean;
  error: string | null;
  reason: Reason | null;
}

/** What one attempt adds to its destination's figures. */
export interface RecentAttempt {
  at: number;
  durationMs: number;
  category: AttemptCategory;
  httpStatus: number | null;
  error: string | null;
  reason: Reason | null;
  /** A "Send test event" try: kept apart as the destination's last test, out of its rate, last error and health. */
  test?: boolean;
}

/** A destination's latest test event: said on its card on its own line, not as how its orders go. */
export interface LastTest {
  at: string;
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  reason: Reason | null;
}

/**
 * Whether a try says how the destination, as it is set up, takes the orders: it reached out to the destination, or
 * the destination's own transformation failed on the event. A skipped event, or one that cannot be sent (too big,
 * lacking what Zithara needs), says nothing about it; nor does a try cut off by Hookferry's own stop, or not made
 * because Hookferry was busy.
 *
 * A transformation that fails sends nothing, but it is the destination's own: one whose expression fails on every
 * order (loops past its second, names a function wrongly) takes none of them, and its card said healthy beside 41
 * failed and a success rate of 5%. Its failures count as its tries: failing, until an order goes through.
 */
export function triedAsSetUp(category: AttemptCategory, reason: Reason | null): boolean {
  if (category === 'invalid') return reason?.code.startsWith(TRANSFORMATION) ?? false;
  return category !== 'skipped' && category !== 'interrupted' && category !== 'busy';
}

/** How every sentence of a delivery's transformation failing begins its code (delivery.transformTooLong, …). */
const TRANSFORMATION = 'delivery.transform';

/**
 * Each destination's latest attempts (skipped ones and test events aside), in memory: the
 * overview's success rate, p95 and last error come from here instead of a scan
 * of the attempts table on every refresh. Filled from the table at start, then
 * fed by every recorded attempt.
 */
export class RecentAttempts {
  private readonly byDestination = new Map<string, Recent[]>();
  /** Destinations tried at least once, ever (the destinations table keeps it: attempts go with retention). */
  private readonly tried = new Set<string>();
  /** Per destination: whether its latest try that says something about it (see triedAsSetUp) failed. */
  private readonly lastTryFailed = new Map<string, boolean>();
  private readonly lastTests = new Map<string, LastTest>();
  /** Per destination: how many of its latest tries failed in a row (those that say nothing about it aside). */
  private readonly inARow = new Map<string, number>();
  /** Destinations where an order went through after their latest test event. */
  private readonly deliveredSinceTest = new Set<string>();

  load(db: Db, now = Date.now()): void {
    for (const { id } of db.prepare('SELECT id FROM destinations WHERE tried = 1').all() as { id: string }[])
      this.tried.add(id);
    const rows = db
      .prepare(
        `SELECT d.destination_id AS destinationId, a.started_at AS at, a.duration_ms AS durationMs, a.category,
                a.http_status AS httpStatus, a.error, a.reason, e.is_test AS test
         FROM attempts a JOIN deliveries d ON d.id = a.delivery_id JOIN events e ON e.seq = d.event_seq
         WHERE a.started_at >= ? AND a.category != 'skipped' ORDER BY a.id`,
      )
      .all(now - DAY_MS) as {
      destinationId: string;
      at: number;
      durationMs: number;
      category: AttemptCategory;
      httpStatus: number | null;
      error: string | null;
      reason: string | null;
      test: number;
    }[];
    for (const row of rows)
      this.add(row.destinationId, { ...row, reason: reasonFromColumn(row.reason), test: row.test === 1 });
  }

  add(destinationId: string, attempt: RecentAttempt): void {
    const { at, durationMs, category, httpStatus, reason, test } = attempt;
    // Held for the overview for a day: bounded like every stored error (bounded-text.ts).
    const error = boundedOrNull(attempt.error);
    // A test to an address not ready yet says nothing about how the orders go: it does not make the card look broken.
    if (test) {
      const ok = category === 'delivered';
      this.lastTests.set(destinationId, { at: new Date(at).toISOString(), ok, httpStatus, error, reason });
      this.deliveredSinceTest.delete(destinationId);
      return;
    }
    if (category === 'delivered') this.deliveredSinceTest.add(destinationId);
    if (triedAsSetUp(category, reason)) {
      this.tried.add(destinationId);
      this.lastTryFailed.set(destinationId, category !== 'delivered');
      this.inARow.set(destinationId, category === 'delivered' ? 0 : (this.inARow.get(destinationId) ?? 0) + 1);
    }
    if (category === 'skipped' || category === 'interrupted' || category === 'busy') return;
    let recent = this.byDestination.get(destinationId);
    if (!recent) this.byDestination.set(destinationId, (recent = []));
    const answered = category === 'delivered' || category === 'http' || category === 'gone';
    recent.push({ at, durationMs, delivered: category === 'delivered', answered, error, reason });
    // Trimmed in steps, so a busy destination does not shift the array on every attempt.
    if (recent.length > RECENT_ATTEMPTS * 1.25) recent.splice(0, recent.length - RECENT_ATTEMPTS);
  }

  wasTried(destinationId: string): boolean {
    return this.tried.has(destinationId);
  }

  /**
   * Whether the destination's latest try in the last day (since the start, or in the database at start) failed;
   * undefined when none is known (none in the day before a restart).
   */
  lastFailed(destinationId: string): boolean | undefined {
    return this.lastTryFailed.get(destinationId);
  }

  /** How many of the destination's latest tries in the last day (since the start, or before it) failed in a row. */
  failuresInARow(destinationId: string): number {
    return this.inARow.get(destinationId) ?? 0;
  }

  /** The destination's latest test event in the last day (since the start, or in the database at start). */
  lastTest(destinationId: string): LastTest | null {
    return this.lastTests.get(destinationId) ?? null;
  }

  /** Its latest test event failed and no order went through since: the newest news of the receiver is bad. */
  testFailing(destinationId: string): boolean {
    const test = this.lastTests.get(destinationId);
    return !!test && !test.ok && !this.deliveredSinceTest.has(destinationId);
  }

  /**
   * The last RECENT_ATTEMPTS attempts of the last day, newest first (as a scan by id would read
   * them), in one pass without copies: the overview asks for this on every refresh.
   */
  figures(
    destinationId: string,
    now: number,
  ): {
    lastError: string | null;
    lastReason: Reason | null;
    lastErrorAt: string | null;
    successRate: number | null;
    p95Ms: number | null;
  } {
    const since = now - DAY_MS;
    const recent = this.byDestination.get(destinationId) ?? [];
    const durations = new Float64Array(Math.min(recent.length, RECENT_ATTEMPTS));
    let count = 0;
    let answers = 0;
    let delivered = 0;
    let failed: Recent | undefined;
    for (let i = recent.length - 1; i >= 0 && count < RECENT_ATTEMPTS; i--) {
      const attempt = recent[i]!;
      if (attempt.at < since) continue;
      count++;
      if (attempt.answered) durations[answers++] = attempt.durationMs;
      if (attempt.delivered) delivered++;
      if (!failed && attempt.error) failed = attempt;
    }
    if (count === 0) return { lastError: null, lastReason: null, lastErrorAt: null, successRate: null, p95Ms: null };
    return {
      lastError: failed?.error ?? null,
      lastReason: failed?.reason ?? null,
      // When the failure was known: a timeout is known when its wait ends, 15 s after the try began.
      lastErrorAt: failed ? new Date(failed.at + failed.durationMs).toISOString() : null,
      successRate: delivered / count,
      // How fast it answers, from its answers only: a try cut off at the timeout is not an answer that took 15 s.
      p95Ms: answers === 0 ? null : nth(durations.subarray(0, answers), Math.ceil(answers * 0.95) - 1),
    };
  }
}

/** The k-th smallest value (0-based), found in place in linear time on average (Hoare's selection), not by a full sort. */
function nth(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else break;
  }
  return values[k]!;
}
