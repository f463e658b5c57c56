import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database.js';
import { DeliveryStore } from '../../main/store/deliveries.js';
import { EventReader } from '../../main/store/events-read.js';
import { EventWriter } from '../../main/store/events-write.js';
import { newEvent } from '../helpers/new-event.js';
import { tempDir } from '../helpers/temp-dir.js';
import { holdWriteLock, writeLockHolder } from '../helpers/write-lock.js';

/*
 * The checkpoint worker holds the write lock while a RESTART or TRUNCATE checkpoint runs. A transaction that reads
 * before it writes cannot wait for that lock (SQLite fails the upgrade at once with SQLITE_BUSY); the store's writes
 * that read first begin IMMEDIATE and wait instead. Another process holds the lock here, as the worker would.
 */
describe('writes that read first, while another connection holds the write lock', () => {
  it('a search waits to index the events it must find first, instead of failing', async () => {
    const file = join(tempDir(), 'hookferry.db');
    const db = openDatabase(file);
    const writer = new EventWriter(db);
    const indexedUpTo = db.prepare('SELECT indexed_upto FROM search_progress').pluck();
    // The event must still wait for its batch (200 ms) when the lock is taken: tried again on a slow turn.
    for (let tries = 1; ; tries++) {
      const holder = await writeLockHolder(file, 300);
      const { id } = await writer.write(newEvent({ summary: `order.add · Nguyễn Văn An ${tries}` }));
      await holder.lock();
      const seq = db.prepare('SELECT seq FROM events WHERE id = ?').pluck().get(id) as number;
      if ((indexedUpTo.get() as number) >= seq) {
        expect(tries, 'the lock taken before the batch ran').toBeLessThan(5);
        await holder.released;
        continue;
      }
      const found = new EventReader(db).list({ q: `nguyen van an ${tries}`, limit: 10 });
      expect(found.items.map((item) => item.id)).toEqual([id]);
      await holder.released;
      break;
    }
    writer.close();
    db.close();
  });

  it('a resend to a destination the event did not have waits, instead of failing', async () => {
    const file = join(tempDir(), 'hookferry.db');
    const db = openDatabase(file);
    db.prepare(
      "INSERT INTO destinations (id, name, kind, config, events, created_at, updated_at) VALUES ('dst_1', 'Sheet', 'webhook', '{}', '[\"*\"]', 0, 0)",
    ).run();
    const writer = new EventWriter(db);
    await writer.write(newEvent());
    const deliveries = new DeliveryStore(db);
    const { released } = await holdWriteLock(file, 300);
    const added = deliveries.addMissing(1, ['dst_1'], Date.now());
    expect(added.map((change) => change.eventStatus)).toEqual(['pending']);
    await released;
    writer.close();
    db.close();
  });
});
