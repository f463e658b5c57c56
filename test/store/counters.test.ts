import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EventStatus, eventStatuses } from '../../main/api/contract.js';
import { openDatabase } from '../../main/store/database.js';
import { type AttemptResult, DeliveryStore } from '../../main/store/deliveries.js';
import { EventReader } from '../../main/store/events-read.js';
import { EventWriter, type NewEvent } from '../../main/store/events-write.js';
import { newId } from '../../main/store/ids.js';
import { tempDir } from '../helpers/temp-dir.js';

const HOUR_MS = 3_600_000;

function event(receivedAt: number, n: number, status: EventStatus = 'received'): NewEvent {
  return {
    id: newId('evt'),
    sourceId: null,
    sourceName: 'POS',
    type: 'order.add',
    status,
    receivedAt,
    httpStatus: status === 'rejected' ? 401 : 200,
    reason: status === 'rejected' ? 'bad signature' : null,
    headers: {},
    contentType: 'application/json',
    body: Buffer.from(`{"id":${n}}`),
    parsed: { id: n },
    summary: `order.add · ${n}`,
    providerEventId: null,
    remoteAddress: '127.0.0.1',
  };
}

/** The same figures the counters answer, counted the slow way from the rows themselves. */
function scanned(db: ReturnType<typeof openDatabase>, now: number) {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const byStatus = (rows: { status: EventStatus; n: number }[]) => {
    const counts = Object.fromEntries(eventStatuses.map((status) => [status, 0])) as Record<EventStatus, number>;
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  };
  const firstHour = Math.floor(now / HOUR_MS) - 23;
  return {
    today: byStatus(
      db
        .prepare('SELECT status, count(*) AS n FROM events WHERE received_at >= ? GROUP BY status')
        .all(midnight.getTime()) as { status: EventStatus; n: number }[],
    ),
    open: {
      pending: (db.prepare("SELECT count(*) AS n FROM events WHERE status = 'pending'").get() as { n: number }).n,
      failed: (db.prepare("SELECT count(*) AS n FROM events WHERE status = 'failed'").get() as { n: number }).n,
    },
    hourly: Array.from({ length: 24 }, (_, i) => ({
      hour: new Date((firstHour + i) * HOUR_MS).toISOString(),
      ...byStatus(
        db
          .prepare(
            'SELECT status, count(*) AS n FROM events WHERE received_at >= ? AND received_at < ? GROUP BY status',
          )
          .all((firstHour + i) * HOUR_MS, (firstHour + i + 1) * HOUR_MS) as { status: EventStatus; n: number }[],
      ),
    })),
  };
}

function scannedDeliveries(db: ReturnType<typeof openDatabase>, destinationId: string) {
  const count = (status: string) =>
    (
      db
        .prepare('SELECT count(*) AS n FROM deliveries WHERE destination_id = ? AND status = ?')
        .get(destinationId, status) as {
        n: number;
      }
    ).n;
  return { pending: count('pending'), retrying: count('retrying'), failed: count('failed') };
}

describe('overview counters', () => {
  const setup = () => {
    const file = join(tempDir(), 'hookferry.db');
    const db = openDatabase(file);
    const now = Date.now();
    for (const id of ['dst_a', 'dst_b'])
      db.prepare(
        "INSERT INTO destinations (id, name, kind, config, events, created_at, updated_at) VALUES (?, ?, 'webhook', '{}', '[\"*\"]', ?, ?)",
      ).run(id, id, now, now);
    const deliveries = new DeliveryStore(db);
    let targets = ['dst_a', 'dst_b'];
    const writer = new EventWriter(db, { destinationsFor: () => targets, deliveries, committed: () => {} });
    return { file, db, now, deliveries, writer, reader: new EventReader(db), route: (to: string[]) => (targets = to) };
  };

  it('agree with a count of the rows through intake, results, resends, discards, retention and a deleted destination', async () => {
    const { db, now, deliveries, writer, reader, route } = setup();
    const times = [
      now,
      now - 1000,
      now - 5 * 60_000,
      now - 2 * HOUR_MS,
      now - 20 * HOUR_MS,
      now - 30 * HOUR_MS,
      now - 9 * 86_400_000,
    ];
    await Promise.all(
      times.flatMap((at, i) => [writer.write(event(at, i)), writer.write(event(at, 100 + i, 'rejected'))]),
    );
    route([]);
    await writer.write(event(now - 3 * HOUR_MS, 200));
    expect(reader.stats(now)).toEqual(scanned(db, now));

    const rows = db
      .prepare('SELECT id, event_seq AS eventSeq, destination_id AS destinationId FROM deliveries ORDER BY id')
      .all() as {
      id: number;
      eventSeq: number;
      destinationId: string;
    }[];
    const outcome = (row: (typeof rows)[number], status: AttemptResult['status']): AttemptResult => ({
      deliveryId: row.id,
      destinationId: row.destinationId,
      eventSeq: row.eventSeq,
      startedAt: now,
      durationMs: 20,
      category: status === 'delivered' ? 'delivered' : 'http',
      httpStatus: status === 'delivered' ? 200 : 500,
      error: status === 'delivered' ? null : 'The destination answered 500.',
      responseSnippet: null,
      status,
      nextAttemptAt: status === 'retrying' ? now + 60_000 : null,
    });
    deliveries.record(rows.slice(0, 6).map((row) => outcome(row, 'delivered')));
    deliveries.record(rows.slice(6, 9).map((row) => outcome(row, 'failed')));
    deliveries.record(rows.slice(9, 11).map((row) => outcome(row, 'retrying')));
    expect(reader.stats(now)).toEqual(scanned(db, now));
    expect(deliveries.openCounts('dst_a')).toEqual(scannedDeliveries(db, 'dst_a'));

    deliveries.requeue([rows[6]!.id, rows[0]!.id], now);
    deliveries.discard([rows[7]!.id], now);
    expect(reader.stats(now)).toEqual(scanned(db, now));
    expect(deliveries.openCounts('dst_a')).toEqual(scannedDeliveries(db, 'dst_a'));
    expect(deliveries.openCounts('dst_b')).toEqual(scannedDeliveries(db, 'dst_b'));

    db.prepare("DELETE FROM events WHERE received_at < ? AND status IN ('delivered', 'received', 'rejected')").run(
      now - 86_400_000,
    );
    db.prepare("DELETE FROM destinations WHERE id = 'dst_b'").run();
    expect(reader.stats(now)).toEqual(scanned(db, now));
    expect(deliveries.openCounts('dst_a')).toEqual(scannedDeliveries(db, 'dst_a'));
    expect(deliveries.openCounts('dst_b')).toEqual({ pending: 0, retrying: 0, failed: 0 });
  });

  it("keeps each destination's recent attempt figures across a restart", async () => {
    const { file, db, now, deliveries, writer } = setup();
    await Promise.all([1, 2, 3, 4].map((n) => writer.write(event(now, n))));
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
      successRate: 0.75,
      p95Ms: 400,
    });
    db.close();
    const reopened = openDatabase(file);
    expect(new DeliveryStore(reopened).destinationFigures('dst_a', now)).toEqual(figures);
    expect(new DeliveryStore(reopened).destinationFigures('dst_b', now)).toEqual({
      backlog: 4,
      failed: 0,
      lastError: null,
      successRate: null,
      p95Ms: null,
    });
    reopened.close();
  });
});
