import type { Db } from './database.js';

/**
 * A write transaction of the store: it begins IMMEDIATE, taking the write lock at once and waiting (busy_timeout)
 * while the checkpoint worker holds it. Begun deferred, a transaction that reads before it writes (a duplicate
 * check, an existence check) could not wait: SQLite fails that upgrade at once with SQLITE_BUSY, and the sender
 * got 503 under load. Called inside another transaction, it is a savepoint of that one.
 */
export function writeTransaction<Args extends unknown[], Result>(
  db: Db,
  work: (...args: Args) => Result,
): (...args: Args) => Result {
  const transaction = db.transaction(work);
  return (...args) => transaction.immediate(...args);
}
