import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database.js';
import { EventReader } from '../../main/store/events-read.js';
import { DUPLICATE_WINDOW_MS, EventWriter } from '../../main/store/events-write.js';
import { newEvent } from '../helpers/new-event.js';
import { tempDir } from '../helpers/temp-dir.js';
import { holdWriteLock } from '../helpers/write-lock.js';

describe('event writer', () => {
  const setup = () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    return { db, writer: new EventWriter(db), reader: new EventReader(db) };
  };

  it('stores the raw body byte for byte', async () => {
    const { writer, reader } = setup();
    const body = Buffer.from([0xff, 0x00, 0x7b, 0x0a]);
    const { id } = await writer.write(newEvent({ body, parsed: null, contentType: 'application/octet-stream' }));
    const stored = reader.detail(id)!;
    expect(stored.bodyEncoding).toBe('base64');
    expect(Buffer.from(stored.body!, 'base64').equals(body)).toBe(true);
  });

  it('absorbs the same type and body from the same source, even within one batch, and counts it', async () => {
    const { writer, reader } = setup();
    const [first, second] = await Promise.all([writer.write(newEvent()), writer.write(newEvent())]);
    expect(first).toMatchObject({ id: first.id, duplicate: false, status: 'received' });
    expect(second).toMatchObject({ id: first.id, duplicate: true, status: 'received' });
    expect(reader.list({ limit: 10 }).items).toHaveLength(1);
    expect(reader.detail(first.id)!.duplicates).toBe(1);
  });

  it('takes a repeated delivery id as a copy only with the same type and body, in one batch too, however old', async () => {
    const { db, writer, reader } = setup();
    const DAY = 24 * 60 * 60 * 1000;
    // WooCommerce's delivery id is one per webhook per second: two orders in one batch under it are two events.
    const id = 'x-wc-webhook-delivery-id:5d41402abc4b2a76b9719d911017c592';
    const order = (n: number, receivedAt = Date.now()) =>
      newEvent({ providerEventId: id, type: 'order.created', body: Buffer.from(`{"id":${n}}`), receivedAt });
    const [a, b, copyOfB] = await Promise.all([
      writer.write(order(1001)),
      writer.write(order(1002)),
      writer.write(order(1002)),
    ]);
    expect([a.duplicate, b.duplicate]).toEqual([false, false]);
    expect(b.id).not.toBe(a.id);
    expect(copyOfB).toMatchObject({ id: b.id, duplicate: true });
    const otherType = await writer.write(
      newEvent({ providerEventId: id, type: 'order.updated', body: Buffer.from('{"id":1001}') }),
    );
    expect(otherType.duplicate).toBe(false);
    expect(reader.list({ limit: 10 }).items).toHaveLength(3);
    expect([reader.detail(a.id)!.duplicates, reader.detail(b.id)!.duplicates]).toEqual([0, 1]);
    // Past the 24 hours of content duplicates, an unsigned copy is still known by its id and fingerprint, under
    // however many events that id names: the index holds both.
    db.prepare('UPDATE events SET received_at = received_at - ?').run(3 * DAY);
    writer.close();
    const restarted = new EventWriter(db);
    expect(await restarted.write(order(1002))).toMatchObject({ id: b.id, duplicate: true });
    expect(await restarted.write(order(1003))).toMatchObject({ duplicate: false });
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT seq, id FROM events WHERE provider_event_id = ? AND source_id IS ? AND body_hash = ? AND status != 'rejected' LIMIT 1`,
      )
      .all('a', 'b', 'c') as { detail: string }[];
    expect(plan.map((step) => step.detail)).toEqual([
      'SEARCH events USING INDEX events_by_provider_id (provider_event_id=? AND body_hash=?)',
    ]);
    restarted.close();
  });

  it('takes the same body as new after the 24-hour window, or with another type', async () => {
    const { writer } = setup();
    const old = await writer.write(newEvent({ receivedAt: Date.now() - DUPLICATE_WINDOW_MS - 1000 }));
    const fresh = await writer.write(newEvent());
    const other = await writer.write(newEvent({ type: 'order.edit' }));
    expect(fresh.duplicate).toBe(false);
    expect(other.duplicate).toBe(false);
    expect(new Set([old.id, fresh.id, other.id]).size).toBe(3);
  });

  it('absorbs a replayed signed body, under its delivery id or another, however long ago its original came, while it is kept', async () => {
    const { db, writer } = setup();
    const DAY = 24 * 60 * 60 * 1000;
    // A signed Shopify order taken ten days ago (its receivedAt is the writer's clock), replayed now as it was.
    const signed = {
      providerEventId: 'x-shopify-event-id:4242',
      body: Buffer.from('{"id":4242,"total":"936200"}'),
      signed: true,
    };
    const original = await writer.write(newEvent({ ...signed, receivedAt: Date.now() - 10 * DAY }));
    expect(await writer.write(newEvent(signed))).toMatchObject({ id: original.id, duplicate: true });
    writer.close();
    const restarted = new EventWriter(db);
    expect(await restarted.write(newEvent(signed))).toMatchObject({ id: original.id, duplicate: true });
    // Neither Shopify nor WooCommerce signs its delivery id: a signed body is the original under any other id too.
    const renamed = await restarted.write(newEvent({ ...signed, providerEventId: 'x-shopify-event-id:9999' }));
    expect(renamed).toMatchObject({ id: original.id, duplicate: true });
    // An unsigned body (the POS) is new after 24 hours, as a shop may send the same thing again on another day.
    const unsigned = { ...signed, providerEventId: null, signed: false, type: 'order.edit' };
    const pos = await restarted.write(newEvent({ ...unsigned, receivedAt: Date.now() - 10 * DAY }));
    expect(await restarted.write(newEvent(unsigned))).toMatchObject({ duplicate: false });
    expect(pos.duplicate).toBe(false);
    restarted.close();
  });

  it('remembers recent bodies across a restart (a new writer on the same file)', async () => {
    const { db, writer } = setup();
    const first = await writer.write(newEvent());
    writer.close();
    const reopened = new EventWriter(db);
    expect(await reopened.write(newEvent())).toMatchObject({ id: first.id, duplicate: true, status: 'received' });
    reopened.close();
  });

  it('forgets the bodies of a batch that failed to commit, so the retry is stored', async () => {
    const { db, writer, reader } = setup();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const big = () =>
      newEvent({ body: Buffer.alloc(64 * 1024, 0x62), contentType: 'application/octet-stream', parsed: null });
    await expect(writer.write(big())).rejects.toThrow(/full/);
    db.pragma('max_page_count = 1073741823');
    const retried = await writer.write(big());
    expect(retried.duplicate).toBe(false);
    expect(reader.detail(retried.id)).not.toBeNull();
  });

  it('stores a repeat as new when retention removed its original first, instead of failing the batch', async () => {
    const { db, writer, reader } = setup();
    const first = await writer.write(newEvent());
    db.prepare('DELETE FROM events WHERE id = ?').run(first.id);
    const [again, other] = await Promise.all([
      writer.write(newEvent()),
      writer.write(newEvent({ type: 'order.update' })),
    ]);
    expect(again).toMatchObject({ duplicate: false, status: 'received' });
    expect(again.id).not.toBe(first.id);
    expect(other).toMatchObject({ duplicate: false });
    expect(reader.list({ limit: 10 }).items).toHaveLength(2);
  });

  it('never treats a rejected request as the original of a later good one', async () => {
    const { writer } = setup();
    await writer.write(newEvent({ status: 'rejected', httpStatus: 401, reason: 'bad signature' }));
    expect((await writer.write(newEvent())).duplicate).toBe(false);
  });
});

describe('event reader', () => {
  it('pages newest first by keyset and filters by status, type and text', async () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const writer = new EventWriter(db);
    const reader = new EventReader(db);
    for (let n = 0; n < 25; n++) {
      await writer.write(
        newEvent({
          body: Buffer.from(`{"n":${n}}`),
          summary: `order.add · INV-${n}`,
          type: n % 5 === 0 ? 'order.edit' : 'order.add',
        }),
      );
    }
    await writer.write(
      newEvent({ status: 'rejected', httpStatus: 401, reason: 'bad', summary: 'unknown · bad', body: null }),
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = reader.list({ limit: 10, before: cursor, status: 'received' });
      seen.push(...page.items.map((item) => item.summary));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, n) => `order.add · INV-${24 - n}`));

    expect(reader.list({ limit: 50, type: 'order.edit' }).items).toHaveLength(5);
    expect(
      reader
        .list({ limit: 50, q: 'INV-1' })
        .items.map((item) => item.summary)
        .sort(),
    ).toEqual(
      ['INV-1', 'INV-10', 'INV-11', 'INV-12', 'INV-13', 'INV-14', 'INV-15', 'INV-16', 'INV-17', 'INV-18', 'INV-19']
        .map((s) => `order.add · ${s}`)
        .sort(),
    );
    expect(reader.list({ limit: 50, q: '100%' }).items).toHaveLength(0);
    expect(reader.list({ limit: 50, status: 'rejected' }).items.map((item) => item.reason)).toEqual(['bad']);

    const stats = reader.stats();
    expect(stats.today).toEqual({
      received: 25,
      pending: 0,
      delivered: 0,
      failed: 0,
      discarded: 0,
      skipped: 0,
      rejected: 1,
      partlyDelivered: 0,
      partlyDiscarded: 0,
    });
    expect(stats.open).toEqual({ pending: 0, failed: 0 });
    expect(stats.hourly).toHaveLength(24);
    expect(stats.hourly.at(-1)).toMatchObject({ received: 25, rejected: 1 });
  });
});

describe('event writer on a nearly full disk', () => {
  it('keeps the small events that shared a commit with one too big for the space left', async () => {
    // max_page_count makes SQLite fail with SQLITE_FULL exactly as a full disk does.
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const writer = new EventWriter(db);
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 16}`);
    const small = (n: number) => newEvent({ body: Buffer.from(`{"n":${n}}`), parsed: { n } });
    const big = newEvent({ body: Buffer.alloc(2_000_000, 'x'), contentType: 'text/plain', parsed: null });
    const outcomes = await Promise.allSettled([
      writer.write(small(1)),
      writer.write(big),
      writer.write(small(2)),
      writer.write(small(3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/full/i);
    const stored = db.prepare('SELECT id FROM events ORDER BY seq').pluck().all();
    const ids = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.id] : []));
    expect(stored).toEqual(ids);
    writer.close();
    db.close();
  });

  it('waits for another connection that holds the write lock (the checkpoint worker) instead of failing at once', async () => {
    const file = join(tempDir(), 'hookferry.db');
    const db = openDatabase(file);
    const writer = new EventWriter(db);
    // A provider id makes the batch read before it writes: SQLite gives a transaction that has read no busy wait
    // for the write lock, so a checkpoint holding it failed the commit at once (intake answered 503).
    const { released } = await holdWriteLock(file, 300);
    const result = await writer.write(newEvent({ providerEventId: 'webhook-id:evt_1' }));
    expect(result).toMatchObject({ duplicate: false, status: 'received' });
    await released;
    writer.close();
    db.close();
  });
});
