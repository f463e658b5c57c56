import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeliveryStatus } from '../../main/api/contract.js';
import { eventStatusOf } from '../../main/api/event-status.js';
import { openDatabase } from '../../main/store/database.js';
import { DeliveryStore } from '../../main/store/deliveries.js';
import { EventWriter } from '../../main/store/events-write.js';
import { newEvent } from '../helpers/new-event.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Recording a batch of results for an event sent to many destinations (a real SQLite file). */

const DESTINATIONS = 300;

describe('recording results', () => {
  it('works out each event’s status once per batch, not once per result: 300 results of one event read its 300 deliveries once', async () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const now = Date.now();
    const ids = Array.from({ length: DESTINATIONS }, (_, n) => `dst_${n}`);
    const insert = db.prepare(
      "INSERT INTO destinations (id, name, kind, config, events, created_at, updated_at) VALUES (?, ?, 'webhook', '{}', '[\"*\"]', ?, ?)",
    );
    for (const id of ids) insert.run(id, id, now, now);
    // The same rule as the engine's, counting the delivery rows it is given.
    let rowsRead = 0;
    db.aggregate('event_status', {
      start: () => [] as DeliveryStatus[],
      step: (statuses: DeliveryStatus[], status: DeliveryStatus) => {
        rowsRead++;
        statuses.push(status);
        return statuses;
      },
      result: (statuses: DeliveryStatus[]) => eventStatusOf(statuses),
    });
    const deliveries = new DeliveryStore(db);
    const writer = new EventWriter(db, { destinationsFor: () => ids, deliveries, committed: () => {} });
    const body = '{"order":1}';
    await writer.write(
      newEvent({ receivedAt: now, body: Buffer.from(body), parsed: JSON.parse(body) as unknown, summary: 'order.add' }),
    );
    const rows = db
      .prepare('SELECT id, event_seq AS eventSeq, destination_id AS destinationId FROM deliveries ORDER BY id')
      .all() as { id: number; eventSeq: number; destinationId: string }[];
    expect(rows).toHaveLength(DESTINATIONS);
    const result = (row: (typeof rows)[number], delivered: boolean) => ({
      deliveryId: row.id,
      destinationId: row.destinationId,
      eventSeq: row.eventSeq,
      startedAt: now,
      durationMs: 5,
      category: delivered ? ('delivered' as const) : ('http' as const),
      httpStatus: delivered ? 200 : 500,
      error: delivered ? null : 'The destination answered 500.',
      reason: null,
      responseSnippet: null,
      status: delivered ? ('delivered' as const) : ('retrying' as const),
      nextAttemptAt: delivered ? null : now + 60_000,
    });

    // The queue looks only at destinations with something waiting or to retry: all of them, before any result.
    expect(deliveries.destinationsWithWork()).toEqual(new Set(ids));
    rowsRead = 0;
    const first = deliveries.record(rows.map((row, n) => result(row, n !== 0)));
    console.log(`${DESTINATIONS} results of one event: ${rowsRead} delivery rows read for its status`);
    // Once per result, it read them all each time: 90,000.
    expect(rowsRead).toBe(DESTINATIONS);
    expect(new Set(first.map((recorded) => recorded.eventStatus))).toEqual(
      new Set([eventStatusOf(['retrying', 'delivered'])]),
    );
    expect(first[0]!.status).toBe('retrying');
    expect(first[1]!.status).toBe('delivered');
    expect(deliveries.destinationsWithWork()).toEqual(new Set(['dst_0']));

    const last = deliveries.record([result(rows[0]!, true)]);
    expect(last).toEqual([{ status: 'delivered', eventStatus: 'delivered', eventOutcome: 'delivered' }]);
    expect(deliveries.destinationsWithWork()).toEqual(new Set());
    writer.close();
    db.close();
  });
});
