import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { WAL_KEPT_BYTES } from './wal-size.js';

/**
 * Runs WAL checkpoints on a connection of its own, in a worker thread, so that
 * copying the WAL back into the database never stalls an intake commit.
 *
 * PASSIVE checkpoints copy what they can without waiting, but never have the
 * WAL start over: under steady load it would only grow. So when the WAL passes
 * WAL_KEPT_BYTES, a RESTART checkpoint waits for readers and writers to finish
 * (busy_timeout), copies the rest and has the next commit write from the WAL's
 * start again, over blocks the file already has (a TRUNCATE to nothing, then
 * growing again, cost a single-event commit 13–33% of its rate). When nothing
 * was written since the last turn (idle), a TRUNCATE empties the file.
 */
const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Database(file);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);

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
    // What can be copied without waiting goes first: the RESTART after it, which holds intake's commits
    // while it runs, then copies only what came since (a TRUNCATE of a whole 16 MB WAL held them ~90 ms).
    db.pragma('wal_checkpoint(PASSIVE)');
    if (idle) db.pragma('wal_checkpoint(TRUNCATE)');
    else if (size > WAL_KEPT_BYTES) db.pragma('wal_checkpoint(RESTART)');
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
