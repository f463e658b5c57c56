import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database.js';
import { type AttemptResult, DeliveryStore } from '../../main/store/deliveries.js';
import { EventWriter } from '../../main/store/events-write.js';
import { newEvent } from '../helpers/new-event.js';
import { tempDir } from '../helpers/temp-dir.js';

const MINUTE = 60_000;

/** The Failed page's order, from the store (a real SQLite file): newest received event first, groups and rows alike. */
describe('failed deliveries in the order the Failed page shows them', () => {
  it('come newest event first, also a delivery added to an old event later, and reasons by their newest event', async () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const now = Date.now();
    const insert = db.prepare(
      "INSERT INTO destinations (id, name, kind, config, events, created_at, updated_at) VALUES (?, ?, 'webhook', '{}', '[\"*\"]', ?, ?)",
    );
    for (const id of ['books', 'stock']) insert.run(id, id, now, now);
    const deliveries = new DeliveryStore(db);
    const writer = new EventWriter(db, { destinationsFor: () => ['books'], deliveries, committed: () => {} });
    const write = (invoice: string, receivedAt: number) => {
      const body = JSON.stringify({ invoice_id: invoice });
      return writer.write(
        newEvent({
          receivedAt,
          body: Buffer.from(body),
          parsed: JSON.parse(body) as unknown,
          summary: `order.add · ${invoice}`,
        }),
      );
    };
    const seqOf = (id: string) => (db.prepare('SELECT seq FROM events WHERE id = ?').get(id) as { seq: number }).seq;
    const fail = (deliveryId: number, eventSeq: number, destinationId: string, error: string, at: number) =>
      deliveries.record([
        {
          deliveryId,
          destinationId,
          eventSeq,
          startedAt: at,
          durationMs: 5,
          category: 'http',
          httpStatus: 500,
          error,
          reason: null,
          responseSnippet: null,
          status: 'failed',
          nextAttemptAt: null,
        } satisfies AttemptResult,
      ]);
    const deliveryOf = (eventSeq: number, destinationId: string) =>
      (
        db
          .prepare('SELECT id FROM deliveries WHERE event_seq = ? AND destination_id = ?')
          .get(eventSeq, destinationId) as { id: number }
      ).id;

    const old = seqOf((await write('OLD-1', now - 30 * MINUTE)).id);
    const fresh = seqOf((await write('NEW-1', now - MINUTE)).id);
    fail(deliveryOf(old, 'books'), old, 'books', 'The destination answered 500.', now - 20 * MINUTE);
    fail(deliveryOf(fresh, 'books'), fresh, 'books', 'The destination answered 503.', now - 50_000);
    // The old order sent to a destination made later, failing there after everything else.
    deliveries.addMissing(old, ['stock'], now);
    fail(deliveryOf(old, 'stock'), old, 'stock', 'The destination answered 500.', now);

    const view = { inFlight: () => false, paused: () => false, now };
    const summaries = (page: { items: { event: { summary: string }; destinationId: string }[] }) =>
      page.items.map((item) => `${item.event.summary} → ${item.destinationId}`);
    // By delivery id, the old order's newest delivery came first while its row shows the oldest time.
    expect(summaries(deliveries.list({ status: 'failed', limit: 50 }, view))).toEqual([
      'order.add · NEW-1 → books',
      'order.add · OLD-1 → stock',
      'order.add · OLD-1 → books',
    ]);
    // One at a time through the cursor, the two deliveries of one event included.
    const paged: string[] = [];
    let before: string | undefined;
    do {
      const page = deliveries.list({ status: 'failed', limit: 1, ...(before ? { before } : {}) }, view);
      paged.push(...summaries(page));
      before = page.next ?? undefined;
    } while (before);
    expect(paged).toEqual(['order.add · NEW-1 → books', 'order.add · OLD-1 → stock', 'order.add · OLD-1 → books']);

    // Destinations and reasons by their newest event, not by their latest failure (stock's, the newest) or by count.
    const outline = deliveries
      .counts('failed')
      .destinations.map((destination) => [
        destination.destinationId,
        destination.reasons.map((reason) => reason.lastError),
      ]);
    expect(outline).toEqual([
      ['books', ['The destination answered 503.', 'The destination answered 500.']],
      ['stock', ['The destination answered 500.']],
    ]);
    writer.close();
    db.close();
  });
});
