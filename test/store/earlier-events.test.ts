import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database.js';
import { DeliveryStore } from '../../main/store/deliveries.js';
import { EARLIER_PAGE, EarlierEvents } from '../../main/store/earlier-events.js';
import { tempDir } from '../helpers/temp-dir.js';

const HOUR = 3_600_000;

describe('earlier events of a destination, in a store of more than one page', () => {
  it('counts each window and lists each event once, pages apart; tests, refused and other kinds left out', async () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const now = Date.now();
    db.prepare(
      `INSERT INTO destinations (id, name, kind, config, events, created_at, updated_at)
       VALUES ('new', 'Kế toán', 'webhook', '{}', '[]', 0, 0), ('old', 'Sổ', 'webhook', '{}', '[]', 0, 0)`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO events (id, source_id, type, status, received_at, http_status, headers, body_size, summary, is_test)
       VALUES (?, NULL, ?, ?, ?, 200, '{}', 0, '', ?)`,
    );
    const delivered = db.prepare(
      "INSERT INTO deliveries (event_seq, destination_id, status, updated_at) VALUES (?, ?, 'delivered', 0)",
    );
    const total = EARLIER_PAGE * 2 + 10;
    const expected = { day: 0, week: 0, all: 0 };
    db.transaction(() => {
      for (let index = 0; index < total; index++) {
        // One an hour, the newest now: a day holds 24, a week 168.
        const receivedAt = now - (total - 1 - index) * HOUR + 1000;
        const kind = index % 10;
        const type = kind === 1 ? 'order.update' : 'order.add';
        const status = kind === 2 ? 'rejected' : 'received';
        const seq = Number(insert.run(`evt_${index}`, type, status, receivedAt, kind === 3 ? 1 : 0).lastInsertRowid);
        if (kind === 4) delivered.run(seq, 'new');
        if (kind === 5) delivered.run(seq, 'old');
        if (kind >= 1 && kind <= 4) continue;
        expected.all++;
        if (receivedAt >= now - 7 * 24 * HOUR) expected.week++;
        if (receivedAt >= now - 24 * HOUR) expected.day++;
      }
    })();
    const earlier = new EarlierEvents(db);
    const taker = { id: 'new', events: ['order.add'], sourceIds: [] };
    expect(await earlier.count(taker, now)).toEqual(expected);

    const week: number[] = [];
    for await (const seqs of earlier.pages(() => taker, now - 7 * 24 * HOUR)) week.push(...seqs);
    expect(week).toHaveLength(expected.week);

    const deliveries = new DeliveryStore(db);
    const pages: number[][] = [];
    for await (const seqs of earlier.pages(() => taker, 0)) pages.push(seqs);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.flat();
    expect(new Set(all).size).toBe(expected.all);
    expect(deliveries.addFirstTo('new', all, now)).toHaveLength(expected.all);
    // Twice: none is added a second time.
    expect(deliveries.addFirstTo('new', all, now)).toHaveLength(0);
    expect(await earlier.count(taker, now)).toEqual({ day: 0, week: 0, all: 0 });
    db.close();
  });
});
