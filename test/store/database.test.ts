import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database.js';
import { migrations } from '../../main/store/migrations.js';
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
    expect(tables).toEqual(['attempts', 'deliveries', 'destinations', 'events', 'settings', 'sources']);
    db.close();
  });

  it('refuses a database written by a newer version, with a sentence', () => {
    const file = join(tempDir(), 'hookferry.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer Hookferry/);
  });
});
