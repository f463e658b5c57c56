import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database.js';
import { EventReader } from '../../main/store/events-read.js';
import { EventWriter, type NewEvent } from '../../main/store/events-write.js';
import { newEvent } from '../helpers/new-event.js';
import { tempDir } from '../helpers/temp-dir.js';

function order(invoice: string): NewEvent {
  const parsed = { invoice_id: invoice, customer_name: 'Nguyễn Văn An' };
  return newEvent({ body: Buffer.from(JSON.stringify(parsed)), parsed, summary: `order.add · ${invoice}` });
}

const found = (reader: EventReader, q: string) => reader.list({ limit: 50, q }).items.map((item) => item.summary);
const indexed = (db: ReturnType<typeof openDatabase>, word: string) =>
  db.prepare('SELECT count(*) FROM events_search WHERE events_search MATCH ?').pluck().get(`"${word}"`);

describe('search index after the commit', () => {
  it('indexes in a batch of its own, yet a search right after the 200 finds the event', async () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const writer = new EventWriter(db);
    await Promise.all([writer.write(order('INV-7001')), writer.write(order('INV-7002'))]);
    expect(indexed(db, 'inv-7001')).toBe(0);
    expect(found(new EventReader(db), 'INV-700').sort()).toEqual(['order.add · INV-7001', 'order.add · INV-7002']);
    expect(indexed(db, 'inv-7001')).toBe(1);
    writer.close();
    db.close();
  });

  it('indexes the waiting events on its own a moment later', async () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const writer = new EventWriter(db);
    await writer.write(order('INV-7101'));
    await expect.poll(() => indexed(db, 'inv-7101')).toBe(1);
    writer.close();
    db.close();
  });

  it('finds after a restart the events a crash left unindexed', async () => {
    const file = join(tempDir(), 'hookferry.db');
    const db = openDatabase(file);
    const writer = new EventWriter(db);
    await writer.write(order('INV-7201'));
    new EventReader(db).list({ limit: 1, q: 'INV' });
    await writer.write(order('INV-7202'));
    // Closed with the second event's text still waiting: what a SIGKILL leaves.
    db.close();
    const reopened = openDatabase(file);
    expect(found(new EventReader(reopened), 'INV-72').sort()).toEqual(['order.add · INV-7201', 'order.add · INV-7202']);
    expect(indexed(reopened, 'inv-7202')).toBe(1);
    reopened.close();
  });

  it('finds after a crash an event whose seq came back after the newest events were removed', async () => {
    const file = join(tempDir(), 'hookferry.db');
    const db = openDatabase(file);
    const writer = new EventWriter(db);
    for (const invoice of ['INV-7301', 'INV-7302', 'INV-7303']) await writer.write(order(invoice));
    new EventReader(db).list({ limit: 1, q: 'INV' });
    db.prepare('DELETE FROM events WHERE seq > 1').run();
    await writer.write(order('INV-7304'));
    expect(db.prepare("SELECT seq FROM events WHERE summary LIKE '%7304'").pluck().get()).toBe(2);
    db.close();
    const reopened = openDatabase(file);
    expect(found(new EventReader(reopened), 'INV-73').sort()).toEqual(['order.add · INV-7301', 'order.add · INV-7304']);
    reopened.close();
  });

  it('skips an event removed before its batch was indexed', async () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const writer = new EventWriter(db);
    const { id } = await writer.write(order('INV-7401'));
    db.prepare('DELETE FROM events WHERE id = ?').run(id);
    expect(found(new EventReader(db), 'INV-7401')).toEqual([]);
    expect(indexed(db, 'inv-7401')).toBe(0);
    writer.close();
    db.close();
  });
});

describe('search index on a full disk', () => {
  it('keeps the events of a full batch that cannot be indexed, each stored once, and indexes them with room again', async () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const writer = new EventWriter(db);
    // 499 events wait for their batch; the 500th, committed while the disk fills, fills the batch.
    await Promise.all(Array.from({ length: 499 }, (_, n) => writer.write(order(`INV-9${String(n).padStart(3, '0')}`))));
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 2}`);
    const last = await writer.write(order('INV-9999'));
    expect(last.duplicate).toBe(false);
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(500);
    expect(indexed(db, 'inv-9999')).toBe(0);
    db.pragma('max_page_count = 1073741823');
    expect(found(new EventReader(db), 'INV-9999')).toEqual(['order.add · INV-9999']);
    writer.close();
    db.close();
  });
});
