import Database from 'better-sqlite3';
import { migrations } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens the store with the durability the intake promises: WAL, and
 * `synchronous=FULL` set on every open, because better-sqlite3 leaves SQLite's
 * default in place and WAL databases are easily left at NORMAL, which can lose the
 * last commits on power loss. Automatic checkpoints are off: a checkpoint inside a
 * commit would stall the request that triggered it, so the checkpointer runs them
 * on its own connection in a worker thread.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('wal_autocheckpoint = 0');
  if (db.pragma('synchronous', { simple: true }) !== 2) {
    db.close();
    throw new Error('SQLite refused synchronous=FULL; Hookferry will not run without durable commits.');
  }
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const done = db.pragma('user_version', { simple: true }) as number;
  if (done > migrations.length) {
    throw new Error(
      `This data folder was written by a newer Hookferry (schema ${done}, this one knows ${migrations.length}). Install the newer version again.`,
    );
  }
  for (let step = done; step < migrations.length; step++) {
    const migration = migrations[step]!;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}
