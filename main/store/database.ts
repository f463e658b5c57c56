import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isDiskFull } from '../lib/disk.js';
import { DamagedDataError } from '../lib/errors.js';
import { migrations } from './migrations.js';
import { catchUpAtOpen } from './after-commit.js';
import { registerSqlFunctions } from './sql-functions.js';
import { WAL_KEPT_BYTES } from './wal-size.js';

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
  refuseDamaged(file);
  let db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw damaged(file, 'is damaged');
    if (!isDiskFull(error)) throw error;
    // A full disk has no room for the shared-memory file WAL connections share. Holding the database alone,
    // this connection keeps that index in its own memory instead, so the engine still starts and shows what
    // it holds; the checkpoint worker cannot open it then (see holdsAlone), until the next start.
    db = new Database(file);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);
  if (db.pragma('synchronous', { simple: true }) !== 2) {
    db.close();
    throw new Error('SQLite refused synchronous=FULL; Hookferry will not run without durable commits.');
  }
  registerSqlFunctions(db);
  migrate(db);
  try {
    catchUpAtOpen(db);
  } catch (error) {
    // With no room the events are still served (the counters read with the rows not counted yet); they become
    // searchable at a start with room.
    if (!isDiskFull(error)) throw error;
  }
  return db;
}

/** Opened on a full disk (see openDatabase): no other connection can read it, the checkpoint worker included. */
export function holdsAlone(db: Db): boolean {
  return db.pragma('locking_mode', { simple: true }) === 'exclusive';
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
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${step + 1}`);
      })();
    } catch (error) {
      // A full disk is the caller's to say; anything else means the file is not the schema its version says.
      if (isDiskFull(error)) throw error;
      db.close();
      throw new DamagedDataError(
        `The database in this data folder could not be brought up to this version of Hookferry (step ${step + 1}, “${migration.name}”: ${(error as Error).message}); the failed step changed nothing. Start the Hookferry version that last used this folder, or move hookferry.db out of the data folder to start with an empty database (then give your senders the new intake addresses).`,
      );
    }
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * An empty or foreign file where the database should be is never replaced by a
 * fresh one: that would start over with new intake addresses, and the shop's
 * POS would be refused while its orders are gone from view.
 */
function refuseDamaged(file: string): void {
  if (!existsSync(file)) return;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) throw damaged(file, 'is empty (0 bytes)');
  if (read < head.length || !head.equals(SQLITE_HEADER)) throw damaged(file, 'is not a Hookferry database');
}

function damaged(file: string, what: string): DamagedDataError {
  return new DamagedDataError(
    `The database file ${file} ${what}, so Hookferry will not start: starting over would give your senders new addresses and hide the events it held. Restore the file from a backup, or move it out of the data folder to start with an empty database (then give your senders the new intake addresses), and start Hookferry again.`,
  );
}
