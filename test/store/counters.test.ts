import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type DayCounts, type DeliveryStatus, type EventStatus, eventStatuses } from '../../main/api/contract.js';
import { testEvent } from '../../main/delivery/outgoing.js';
import { createSecretBox } from '../../main/secrets/secret-box.js';
import { afterCommitOf } from '../../main/store/after-commit.js';
import { type Db, openDatabase } from '../../main/store/database.js';
import { type AttemptResult, DeliveryStore } from '../../main/store/deliveries.js';
import { DestinationStore } from '../../main/store/destinations.js';
import { NOT_YET_COUNTED } from '../../main/store/event-counters.js';
import { RecentAttempts } from '../../main/store/recent-attempts.js';
import { EventReader } from '../../main/store/events-read.js';
import { EventWriter, type NewEvent } from '../../main/store/events-write.js';
import { newId } from '../../main/store/ids.js';
import { migrations } from '../../main/store/migrations.js';
import { retentionBatch } from '../../main/store/retention.js';
import { registerSqlFunctions } from '../../main/store/sql-functions.js';
import { TestEventLog } from '../../main/store/test-events.js';
import { tempDir } from '../helpers/temp-dir.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A small seeded generator (mulberry32), so a failing run can be replayed from the seed it prints. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    some: <T>(items: readonly T[], share: number): T[] => items.filter(() => next() < share),
  };
}

function event(receivedAt: number, body: string, rejected: boolean): NewEvent {
  return {
    id: newId('evt'),
    sourceId: null,
    sourceName: 'POS',
    type: 'order.add',
    status: rejected ? 'rejected' : 'received',
    receivedAt,
    httpStatus: rejected ? 401 : 200,
    reason: rejected ? 'bad signature' : null,
    rejection: null,
    headers: {},
    contentType: 'application/json',
    body: Buffer.from(body),
    parsed: JSON.parse(body) as unknown,
    summary: `order.add · ${body}`,
    providerEventId: null,
    signed: false,
    remoteAddress: '127.0.0.1',
  };
}

/**
 * What an event counts as on the overview, from its deliveries themselves: a failed event still on its way to some
 * destination is counted on its way; else one that some destination has is counted apart, as delivered in part; and
 * a discarded one that some destination has, apart from those that went nowhere.
 */
const COUNTED_AS_SCANNED = `CASE WHEN status = 'failed' AND EXISTS (
  SELECT 1 FROM deliveries d WHERE d.event_seq = events.seq AND d.status IN ('pending', 'retrying')) THEN 'pending'
  WHEN status = 'failed' AND EXISTS (
  SELECT 1 FROM deliveries d WHERE d.event_seq = events.seq AND d.status = 'delivered') THEN 'partlyDelivered'
  WHEN status = 'discarded' AND EXISTS (
  SELECT 1 FROM deliveries d WHERE d.event_seq = events.seq AND d.status = 'delivered') THEN 'partlyDiscarded'
  ELSE status END`;

/** The overview's event counts the slow way, from the rows themselves (what stats answered before the counters). */
function scannedStats(db: Db, now: number) {
  const byStatus = (rows: { status: keyof DayCounts; n: number }[]) => {
    const counts = {
      ...(Object.fromEntries(eventStatuses.map((status) => [status, 0])) as Record<EventStatus, number>),
      partlyDelivered: 0,
      partlyDiscarded: 0,
    };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  };
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const firstHour = Math.floor(now / HOUR_MS) - 23;
  const countOf = (status: EventStatus) =>
    (db.prepare('SELECT count(*) AS n FROM events WHERE status = ? AND is_test = 0').get(status) as { n: number }).n;
  return {
    today: byStatus(
      db
        .prepare(
          `SELECT ${COUNTED_AS_SCANNED} AS status, count(*) AS n FROM events WHERE received_at >= ? AND is_test = 0 GROUP BY 1`,
        )
        .all(midnight.getTime()) as { status: keyof DayCounts; n: number }[],
    ),
    open: { pending: countOf('pending'), failed: countOf('failed') },
    hourly: Array.from({ length: 24 }, (_, i) => ({
      hour: new Date((firstHour + i) * HOUR_MS).toISOString(),
      ...byStatus(
        db
          .prepare(
            `SELECT ${COUNTED_AS_SCANNED} AS status, count(*) AS n FROM events
             WHERE received_at >= ? AND received_at < ? AND is_test = 0 GROUP BY 1`,
          )
          .all((firstHour + i) * HOUR_MS, (firstHour + i + 1) * HOUR_MS) as { status: keyof DayCounts; n: number }[],
      ),
    })),
  };
}

/** Every counter table beside the same figures scanned from the rows (test events are not counted); rows counted down to 0 are left out. */
function countersAndScans(db: Db) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    counters: {
      events: all('SELECT quarter, status, n FROM event_counts WHERE n != 0 ORDER BY 1, 2'),
      totals: all('SELECT status, n FROM event_totals WHERE n != 0 ORDER BY 1'),
      deliveries: all('SELECT destination_id, status, n FROM delivery_counts WHERE n != 0 ORDER BY 1, 2'),
    },
    scans: {
      events: all(
        `SELECT received_at / 900000 AS quarter, ${COUNTED_AS_SCANNED} AS status, count(*) AS n FROM events
         WHERE is_test = 0 GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
      totals: all('SELECT status, count(*) AS n FROM events WHERE is_test = 0 GROUP BY 1 ORDER BY 1'),
      deliveries: all('SELECT destination_id, status, count(*) AS n FROM deliveries GROUP BY 1, 2 ORDER BY 1, 2'),
    },
  };
}

function notYetCounted(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM events WHERE ${NOT_YET_COUNTED}`).get() as { n: number }).n;
}

function openCountsScanned(db: Db, destinationId: string) {
  const count = (status: DeliveryStatus) =>
    (
      db
        .prepare('SELECT count(*) AS n FROM deliveries WHERE destination_id = ? AND status = ?')
        .get(destinationId, status) as { n: number }
    ).n;
  return { pending: count('pending'), retrying: count('retrying'), failed: count('failed') };
}

function insertDestination(db: Db, id: string, now: number): void {
  db.prepare(
    "INSERT INTO destinations (id, name, kind, config, events, created_at, updated_at) VALUES (?, ?, 'webhook', '{}', '[\"*\"]', ?, ?)",
  ).run(id, id, now, now);
}

describe('overview counters', () => {
  it('agree with a scan after every step of a random mix of intake, results, resends, discards, test events, retention and deleted destinations', async () => {
    const seed = Number(process.env.COUNTERS_SEED ?? randomBytes(4).readUInt32LE());
    const random = randomFrom(seed);
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const now = Date.now();
    const destinations = new DestinationStore(
      db,
      createSecretBox(randomBytes(32)),
      () => null,
      () => {},
    );
    let live = ['dst_0', 'dst_1', 'dst_2'];
    let made = live.length;
    let tests = 0;
    for (const id of live) insertDestination(db, id, now);
    const deliveries = new DeliveryStore(db);
    const writer = new EventWriter(db, {
      destinationsFor: () => random.some(live, 0.6),
      deliveries,
      committed: () => {},
    });
    const testEvents = new TestEventLog(db, deliveries);
    const reader = new EventReader(db);
    const removeOld = retentionBatch(db);
    const deliveriesIn = (statuses: DeliveryStatus[]) =>
      db
        .prepare(
          `SELECT id, event_seq AS eventSeq, destination_id AS destinationId FROM deliveries
           WHERE status IN (${statuses.map(() => '?').join(', ')}) ORDER BY id`,
        )
        .all(...statuses) as { id: number; eventSeq: number; destinationId: string }[];
    const outcome = (
      row: { id: number; eventSeq: number; destinationId: string },
      status: AttemptResult['status'],
    ): AttemptResult => ({
      deliveryId: row.id,
      destinationId: row.destinationId,
      eventSeq: row.eventSeq,
      startedAt: now,
      durationMs: 1 + random.int(500),
      category: status === 'delivered' ? 'delivered' : status === 'skipped' ? 'skipped' : 'http',
      httpStatus: status === 'delivered' ? 200 : 500,
      error: status === 'delivered' || status === 'skipped' ? null : 'The destination answered 500.',
      reason: null,
      responseSnippet: null,
      status,
      nextAttemptAt: status === 'retrying' ? now + 60_000 : null,
    });

    const steps: Record<string, () => Promise<void> | void> = {
      intake: async () => {
        const count = 1 + random.int(12);
        await Promise.all(
          Array.from({ length: count }, () =>
            writer.write(
              event(
                now - random.int(3 * DAY_MS) + random.int(HOUR_MS),
                // Few distinct bodies, so some posts are a sender's retry and only count a duplicate.
                `{"order":${random.int(400)}}`,
                random.next() < 0.15,
              ),
            ),
          ),
        );
      },
      testEvent: () => {
        if (live.length === 0) return;
        const destination = random.pick(live);
        const ok = random.next() < 0.5;
        testEvents.record(
          { id: destination, name: destination },
          testEvent(now + tests++),
          {
            ok,
            httpStatus: ok ? 200 : 503,
            durationMs: 12,
            error: ok ? null : 'The destination answered 503.',
            reason: ok ? null : { code: 'delivery.answered', params: { status: 503 } },
            responseSnippet: null,
          },
          now - random.int(DAY_MS),
        );
      },
      outcomes: () => {
        const open = random.some(deliveriesIn(['pending', 'retrying']), 0.4);
        const statuses = ['delivered', 'delivered', 'skipped', 'failed', 'retrying'] as const;
        deliveries.record(open.map((row) => outcome(row, random.pick(statuses))));
      },
      discard: () => {
        deliveries.discard(
          random.some(deliveriesIn(['pending', 'retrying', 'failed']), 0.3).map((row) => row.id),
          now,
        );
      },
      resend: () => {
        const all = deliveriesIn(['pending', 'retrying', 'failed', 'delivered', 'discarded', 'skipped']);
        deliveries.requeue(
          random.some(all, 0.15).map((row) => row.id),
          now,
        );
      },
      resendToChosen: () => {
        const events = db.prepare("SELECT seq FROM events WHERE status != 'rejected'").all() as { seq: number }[];
        if (events.length === 0 || live.length === 0) return;
        for (const { seq } of random.some(events, 0.1)) deliveries.addMissing(seq, random.some(live, 0.5), now);
      },
      retention: () => {
        const before = now - random.int(3 * DAY_MS);
        while (removeOld(before) > 0);
      },
      deleteDestination: () => {
        if (live.length === 0 || random.next() < 0.5) return;
        const id = random.pick(live);
        expect(destinations.delete(id, (at) => deliveries.giveUpAtDeletion(id, at))).toBe(true);
        live = live.filter((other) => other !== id);
        const added = `dst_${made++}`;
        insertDestination(db, added, now);
        live.push(added);
      },
    };
    const names = Object.keys(steps);
    const done: string[] = [];
    let readWithUncounted = 0;
    for (let step = 0; step < 160; step++) {
      const name = step < 5 ? 'intake' : random.pick(names);
      await steps[name]!();
      done.push(name);
      const context = `seed ${seed}, after ${done.slice(-5).join(', ')} (step ${step})`;
      // New events are counted in the batch after their commit: the figures must be true before it too. Never
      // caught up right after an intake, so every seed reads with events not yet counted (asserted below).
      if (name !== 'intake' && random.next() < 0.5) {
        afterCommitOf(db).catchUp();
        const { counters, scans } = countersAndScans(db);
        expect(counters, context).toEqual(scans);
      } else if (notYetCounted(db) > 0) readWithUncounted++;
      for (const at of [now, now - 7 * HOUR_MS, now + 20 * HOUR_MS])
        expect(reader.stats(at), context).toEqual(scannedStats(db, at));
      for (const id of [...live, 'dst_0'])
        expect(deliveries.openCounts(id), context).toEqual(openCountsScanned(db, id));
    }
    // The mix did reach every status the counters keep, and read them with events not yet counted, or the
    // comparison above proved less than it says.
    expect(readWithUncounted, `seed ${seed}`).toBeGreaterThan(10);
    const seen = (table: string) =>
      (db.prepare(`SELECT DISTINCT status FROM ${table} ORDER BY status`).all() as { status: string }[]).map(
        (row) => row.status,
      );
    expect(seen('event_counts'), `seed ${seed}`).toEqual(
      [...eventStatuses, 'partlyDelivered', 'partlyDiscarded'].sort(),
    );
    expect(seen('delivery_counts'), `seed ${seed}`).toEqual([
      'delivered',
      'discarded',
      'failed',
      'pending',
      'retrying',
      'skipped',
    ]);
    writer.close();
    db.close();
  });

  it('count the events a crash left uncounted at the next open, and an event that takes a removed seq again', async () => {
    const file = join(tempDir(), 'hookferry.db');
    const now = Date.now();
    let db = openDatabase(file);
    let writer = new EventWriter(db);
    for (let i = 0; i < 3; i++) await writer.write(event(now - i, `{"order":${i}}`, false));
    afterCommitOf(db).catchUp();
    await writer.write(event(now, '{"order":3}', false));
    expect(notYetCounted(db)).toBe(1);
    // Closed as a crash leaves it: the batch that would have counted the last event never ran.
    db.close();

    db = openDatabase(file);
    expect(notYetCounted(db)).toBe(0);
    let { counters, scans } = countersAndScans(db);
    expect(counters).toEqual(scans);
    expect(scans.totals).toEqual([{ status: 'received', n: 4 }]);

    // Removing the newest events hands their seqs out again; the new rows must not be taken for counted.
    db.prepare('DELETE FROM events WHERE seq >= 3').run();
    writer = new EventWriter(db);
    await writer.write(event(now, '{"order":30}', false));
    await writer.write(event(now, '{"order":31}', false));
    expect(new EventReader(db).stats(now)).toEqual(scannedStats(db, now));
    afterCommitOf(db).catchUp();
    ({ counters, scans } = countersAndScans(db));
    expect(counters).toEqual(scans);
    expect(scans.totals).toEqual([{ status: 'received', n: 4 }]);
    writer.close();
    db.close();
  });

  it('are built from the rows when a database made by the previous schema is opened', () => {
    const file = join(tempDir(), 'hookferry.db');
    const step = migrations.findIndex((migration) => migration.name.startsWith('counters for the overview'));
    const old = new Database(file);
    registerSqlFunctions(old);
    for (const migration of migrations.slice(0, step)) old.exec(migration.sql);
    old.pragma(`user_version = ${step}`);
    const now = Date.now();
    for (const id of ['d1', 'd2']) insertDestination(old, id, now);
    const insertEvent = old.prepare(
      `INSERT INTO events (seq, id, type, status, received_at, http_status, headers, body_size, summary)
       VALUES (?, ?, 'order.add', ?, ?, 200, '{}', 0, 'order.add')`,
    );
    const insertDelivery = old.prepare(
      'INSERT INTO deliveries (event_seq, destination_id, status, updated_at) VALUES (?, ?, ?, 0)',
    );
    const random = randomFrom(7);
    const deliveryStatuses = ['pending', 'retrying', 'failed', 'delivered', 'discarded', 'skipped'] as const;
    old.transaction(() => {
      for (let seq = 1; seq <= 600; seq++) {
        const rejected = random.next() < 0.1;
        const mine = rejected ? [] : random.some(['d1', 'd2'], 0.6).map((id) => [id, random.pick(deliveryStatuses)]);
        const status = rejected
          ? 'rejected'
          : (
              old
                .prepare('SELECT event_status(value) AS s FROM json_each(?)')
                .get(JSON.stringify(mine.map(([, s]) => s))) as { s: EventStatus }
            ).s;
        insertEvent.run(seq, `evt_${seq}`, status, now - random.int(2 * DAY_MS));
        for (const [id, deliveryStatus] of mine) insertDelivery.run(seq, id, deliveryStatus);
      }
    })();
    old.close();

    const db = openDatabase(file);
    const { counters, scans } = countersAndScans(db);
    expect(counters).toEqual(scans);
    expect(counters.totals.length).toBeGreaterThan(5);
    expect(new EventReader(db).stats(now)).toEqual(scannedStats(db, now));
    const store = new DeliveryStore(db);
    for (const id of ['d1', 'd2']) expect(store.openCounts(id)).toEqual(openCountsScanned(db, id));
    db.close();
  });

  it("answers each destination's success rate, p95 and last error as a scan of the day's attempts would", async () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const now = Date.now();
    for (const id of ['dst_a', 'dst_b']) insertDestination(db, id, now);
    const deliveries = new DeliveryStore(db);
    const writer = new EventWriter(db, { destinationsFor: () => ['dst_a', 'dst_b'], deliveries, committed: () => {} });
    await Promise.all(Array.from({ length: 150 }, (_, n) => writer.write(event(now, `{"order":${n}}`, false))));
    const random = randomFrom(11);
    const rows = db
      .prepare('SELECT id, event_seq AS eventSeq, destination_id AS destinationId FROM deliveries ORDER BY id')
      .all() as { id: number; eventSeq: number; destinationId: string }[];
    const categories = ['delivered', 'delivered', 'delivered', 'http', 'network', 'skipped'] as const;
    for (let round = 0; round < 3; round++)
      deliveries.record(
        rows.map((row) => {
          const category = random.pick(categories);
          return {
            deliveryId: row.id,
            destinationId: row.destinationId,
            eventSeq: row.eventSeq,
            // Some before the last day, which the figures leave out.
            startedAt: now - random.int(30 * HOUR_MS),
            durationMs: random.int(3000),
            category,
            httpStatus: category === 'http' ? 502 : category === 'delivered' ? 200 : null,
            error: category === 'http' || category === 'network' ? `Error ${random.int(4)}` : null,
            reason: null,
            responseSnippet: null,
            status: category === 'delivered' ? 'delivered' : category === 'skipped' ? 'skipped' : 'retrying',
            nextAttemptAt: null,
          };
        }),
      );
    for (const id of ['dst_a', 'dst_b']) {
      const recent = db
        .prepare(
          `SELECT a.category, a.duration_ms AS durationMs, a.error FROM attempts a JOIN deliveries d ON d.id = a.delivery_id
           WHERE d.destination_id = ? AND a.started_at >= ? AND a.category != 'skipped' ORDER BY a.id DESC LIMIT 5000`,
        )
        .all(id, now - DAY_MS) as { category: string; durationMs: number; error: string | null }[];
      // How fast it answers counts its answers only: a network failure (or a timeout) is no answer.
      const durations = recent
        .filter((attempt) => ['delivered', 'http', 'gone'].includes(attempt.category))
        .map((attempt) => attempt.durationMs)
        .sort((a, b) => a - b);
      expect(recent.length).toBeGreaterThan(100);
      expect(deliveries.destinationFigures(id, now)).toMatchObject({
        lastError: recent.find((attempt) => attempt.error)?.error ?? null,
        successRate: recent.filter((attempt) => attempt.category === 'delivered').length / recent.length,
        p95Ms: durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)],
      });
    }
    writer.close();
    db.close();
  });

  it("keeps each destination's recent attempt figures across a restart", async () => {
    const file = join(tempDir(), 'hookferry.db');
    const db = openDatabase(file);
    const now = Date.now();
    for (const id of ['dst_a', 'dst_b']) insertDestination(db, id, now);
    const deliveries = new DeliveryStore(db);
    const writer = new EventWriter(db, { destinationsFor: () => ['dst_a', 'dst_b'], deliveries, committed: () => {} });
    await Promise.all([1, 2, 3, 4].map((n) => writer.write(event(now, `{"order":${n}}`, false))));
    const rows = db
      .prepare("SELECT id, event_seq AS eventSeq FROM deliveries WHERE destination_id = 'dst_a' ORDER BY id")
      .all() as { id: number; eventSeq: number }[];
    deliveries.record(
      rows.map((row, i) => ({
        deliveryId: row.id,
        destinationId: 'dst_a',
        eventSeq: row.eventSeq,
        startedAt: now + i,
        durationMs: (i + 1) * 100,
        category: i === 2 ? 'http' : 'delivered',
        httpStatus: i === 2 ? 503 : 200,
        error: i === 2 ? 'The destination answered 503.' : null,
        reason: i === 2 ? { code: 'delivery.answered', params: { status: '503' } } : null,
        responseSnippet: null,
        status: i === 2 ? 'retrying' : 'delivered',
        nextAttemptAt: i === 2 ? now + 60_000 : null,
      })),
    );
    const figures = deliveries.destinationFigures('dst_a', now);
    expect(figures).toEqual({
      backlog: 1,
      failed: 0,
      lastError: 'The destination answered 503.',
      lastReason: { code: 'delivery.answered', params: { status: '503' } },
      // When it failed, its try's end (it began at now + 2 and took 300 ms); before, its beginning.
      lastErrorAt: new Date(now + 2 + 300).toISOString(),
      successRate: 0.75,
      p95Ms: 400,
      lastTest: null,
      testFailing: false,
    });
    writer.close();
    db.close();
    const reopened = openDatabase(file);
    expect(new DeliveryStore(reopened).destinationFigures('dst_a', now)).toEqual(figures);
    expect(new DeliveryStore(reopened).destinationFigures('dst_b', now)).toEqual({
      backlog: 4,
      failed: 0,
      lastError: null,
      lastReason: null,
      lastErrorAt: null,
      successRate: null,
      p95Ms: null,
      lastTest: null,
      testFailing: false,
    });
    reopened.close();
  });

  it('takes a failed test as the newest news of a destination until an order or a later test goes through', () => {
    const recent = new RecentAttempts();
    const attempt = { durationMs: 10, httpStatus: 500, error: 'The destination answered 500.', reason: null };
    expect(recent.testFailing('dst_a')).toBe(false);
    recent.add('dst_a', { ...attempt, at: 1, category: 'delivered', httpStatus: 200, error: null });
    recent.add('dst_a', { ...attempt, at: 2, category: 'http', test: true });
    expect(recent.testFailing('dst_a')).toBe(true);
    // An order that failed says nothing new of the test; one that went through does.
    recent.add('dst_a', { ...attempt, at: 3, category: 'http' });
    expect(recent.testFailing('dst_a')).toBe(true);
    recent.add('dst_a', { ...attempt, at: 4, category: 'delivered', httpStatus: 200, error: null });
    expect(recent.testFailing('dst_a')).toBe(false);
    recent.add('dst_a', { ...attempt, at: 5, category: 'http', test: true });
    recent.add('dst_a', { ...attempt, at: 6, category: 'delivered', httpStatus: 200, error: null, test: true });
    expect(recent.testFailing('dst_a')).toBe(false);
  });
});
