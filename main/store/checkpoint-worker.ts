import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Runs WAL checkpoints on a connection of its own, in a worker thread, so that
 * copying the WAL back into the database never stalls an intake commit.
 *
 * PASSIVE checkpoints copy what they can without waiting, but never shrink the
 * WAL file: under steady load it would only grow. So when the WAL passes
 * TRUNCATE_AT, or when nothing was written since the last turn (idle), a
 * TRUNCATE checkpoint waits for readers and writers to finish (busy_timeout),
 * copies everything and empties the file.
 */
const TRUNCATE_AT = 4 * 1024 * 1024;
const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Database(file);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.pragma('journal_size_limit = 67108864');

const walSize = () => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

let sizeBefore = -1;
const timer = setInterval(() => {
  try {
    const size = walSize();
    const idle = size === sizeBefore && size > 0;
    // What can be copied without waiting goes first: the TRUNCATE after it, which holds intake's commits
    // while it runs, then copies only what came since (a TRUNCATE of a whole 16 MB WAL held them ~90 ms).
    db.pragma('wal_checkpoint(PASSIVE)');
    if (size > TRUNCATE_AT || idle) db.pragma('wal_checkpoint(TRUNCATE)');
    sizeBefore = walSize();
  } catch (error) {
    parentPort?.postMessage({ error: String(error) });
  }
}, intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
