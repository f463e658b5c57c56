import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DamagedDataError } from '../../main/lib/errors.js';
import { openDatabase } from '../../main/store/database.js';
import { migrations } from '../../main/store/migrations.js';
import { registerSqlFunctions } from '../../main/store/sql-functions.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('database', () => {
  it('opens in WAL with synchronous=FULL, and again after a reopen', () => {
    const file = join(tempDir(), 'hookferry.db');
    for (let open = 0; open < 2; open++) {
      const db = openDatabase(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      db.close();
    }
  });

  it('runs each migration once and records how many ran', () => {
    const file = join(tempDir(), 'hookferry.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((row) => row.name);
    expect(tables.filter((name) => !name.startsWith('events_search_'))).toEqual([
      'attempts',
      'counted_upto',
      'deliveries',
      'delivery_counts',
      'delivery_ids_used',
      'destinations',
      'event_counts',
      'event_totals',
      'events',
      'events_search',
      'resend_batch_items',
      'resend_batches',
      'search_progress',
      'settings',
      'signed_seen',
      'sources',
    ]);
    db.close();
  });

  it('upgrades a first-schema database: statuses by precedence, and its events searchable', () => {
    const file = join(tempDir(), 'hookferry.db');
    const old = new Database(file);
    old.exec(migrations[0]!.sql);
    old.pragma('user_version = 1');
    const insertEvent = old.prepare(
      `INSERT INTO events (seq, id, type, status, received_at, http_status, headers, content_type, body, body_size, summary)
       VALUES (?, ?, 'order.add', ?, 0, 200, '{}', 'application/json', ?, 0, ?)`,
    );
    insertEvent.run(1, 'evt_one', 'delivered', Buffer.from('{"billing_full_name":"Đỗ Văn Nam"}'), 'order.add · A-1');
    insertEvent.run(2, 'evt_two', 'pending', Buffer.from('{"billing_phone":"0938474843"}'), 'order.add · A-2');
    old.exec(`INSERT INTO destinations (id, name, kind, config, events, created_at, updated_at)
              VALUES ('d1', 'One', 'webhook', '{}', '["*"]', 0, 0), ('d2', 'Two', 'webhook', '{}', '["*"]', 0, 0)`);
    old.exec(`INSERT INTO deliveries (event_seq, destination_id, status, updated_at)
              VALUES (1, 'd1', 'delivered', 0), (1, 'd2', 'discarded', 0), (2, 'd1', 'failed', 0), (2, 'd2', 'pending', 0)`);
    old.close();

    const db = openDatabase(file);
    const statuses = db.prepare('SELECT id, status FROM events ORDER BY seq').all();
    expect(statuses).toEqual([
      { id: 'evt_one', status: 'discarded' },
      { id: 'evt_two', status: 'failed' },
    ]);
    const search = (q: string) =>
      (db.prepare('SELECT rowid FROM events_search WHERE events_search MATCH ?').all(q) as { rowid: number }[]).map(
        (row) => row.rowid,
      );
    expect(search('"do van"*')).toEqual([1]);
    expect(search('"0938474843"*')).toEqual([2]);
    db.close();
  });

  it('refuses a database written by a newer version, with a sentence', () => {
    const file = join(tempDir(), 'hookferry.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer Hookferry/);
  });

  it('refuses a database whose tables do not match its version with a sentence, and leaves it as it was', () => {
    const file = join(tempDir(), 'hookferry.db');
    const step = migrations.findIndex((migration) => migration.name === 'test events, marked');
    // What a build with its steps in another order leaves behind: a later step's column is there already.
    const raw = new Database(file);
    registerSqlFunctions(raw);
    for (const migration of migrations.slice(0, step + 1)) raw.exec(migration.sql);
    raw.pragma(`user_version = ${step}`);
    raw.close();
    let refused: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DamagedDataError);
    expect((refused as Error).message).toContain(
      `could not be brought up to this version of Hookferry (step ${step + 1}, “test events, marked”: duplicate column name: is_test); the failed step changed nothing.`,
    );
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(step);
    after.close();
  });
});
