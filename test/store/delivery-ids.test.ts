import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database.js';
import { DeliveryStore } from '../../main/store/deliveries.js';
import { migrations } from '../../main/store/migrations.js';
import { registerSqlFunctions } from '../../main/store/sql-functions.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A data folder as the version before delivery ids were kept from coming back left it, with deliveries in it. */
function oldDatabase(): string {
  const file = join(tempDir(), 'hookferry.db');
  const step = migrations.findIndex(({ name }) => name === 'deliveries: an id is never given twice');
  const old = new Database(file);
  registerSqlFunctions(old);
  for (const [index, migration] of migrations.slice(0, step).entries()) {
    old.exec(migration.sql);
    old.pragma(`user_version = ${index + 1}`);
  }
  const destination = old.prepare(
    "INSERT INTO destinations (id, name, kind, config, events, created_at, updated_at) VALUES (?, ?, 'webhook', '{}', '[\"*\"]', 1, 1)",
  );
  const event = old.prepare(
    `INSERT INTO events (seq, id, type, status, received_at, http_status, headers, body_size, summary)
     VALUES (?, ?, 'order.add', 'failed', 1, 200, '{}', 0, 'order.add')`,
  );
  const delivery = old.prepare(
    "INSERT INTO deliveries (event_seq, destination_id, status, attempts, updated_at) VALUES (?, ?, 'failed', 1, 1)",
  );
  const attempt = old.prepare(
    "INSERT INTO attempts (delivery_id, started_at, duration_ms, category, http_status) VALUES (?, 1, 5, 'http', 500)",
  );
  for (const id of ['dst_kept', 'dst_gone']) destination.run(id, id);
  for (const [seq, to] of [
    [1, 'dst_kept'],
    [2, 'dst_kept'],
    [3, 'dst_gone'],
  ] as const) {
    event.run(seq, `evt_${seq}`);
    attempt.run(delivery.run(seq, to).lastInsertRowid);
  }
  old.close();
  return file;
}

const ids = (db: Database.Database) =>
  db.prepare('SELECT id, destination_id AS destinationId FROM deliveries ORDER BY id').all();

describe('delivery ids in a data folder made by the schema before', () => {
  it('are kept through the upgrade, and none is given again once the newest deliveries are deleted', () => {
    const file = oldDatabase();
    const db = openDatabase(file);
    expect(ids(db)).toEqual([
      { id: 1, destinationId: 'dst_kept' },
      { id: 2, destinationId: 'dst_kept' },
      { id: 3, destinationId: 'dst_gone' },
    ]);
    expect(db.prepare('SELECT delivery_id AS id FROM attempts ORDER BY id').pluck().all()).toEqual([1, 2, 3]);
    const store = new DeliveryStore(db);
    // The highest delivery goes with its destination: before, the next one made was given its id, 3, again.
    db.prepare("DELETE FROM destinations WHERE id = 'dst_gone'").run();
    store.createFor(3, ['dst_kept'], 2);
    expect(ids(db).map((row) => (row as { id: number }).id)).toEqual([1, 2, 4]);
    expect(store.openCounts('dst_kept')).toEqual({ pending: 1, retrying: 0, failed: 2 });
    db.close();

    // Opened again (no step to run): every delivery deleted, the next is still above any given before.
    const again = openDatabase(file);
    again.prepare('DELETE FROM deliveries').run();
    new DeliveryStore(again).createFor(1, ['dst_kept'], 3);
    expect(ids(again)).toEqual([{ id: 5, destinationId: 'dst_kept' }]);
    // An insert that leaves the id to SQLite (the highest + 1) would give one out again: refused.
    again.prepare('DELETE FROM deliveries').run();
    expect(() =>
      again
        .prepare(
          "INSERT INTO deliveries (event_seq, destination_id, status, updated_at) VALUES (1, 'dst_kept', 'pending', 4)",
        )
        .run(),
    ).toThrow(/a delivery id that was given before/);
    again.close();
  });
});
