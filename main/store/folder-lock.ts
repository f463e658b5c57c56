import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StartRefusedError } from '../lib/errors.js';

/**
 * One engine per data folder. Two would send the same deliveries, each writing down the other's tries on the wire as
 * cut off by a crash and making them again, and overwrite each other's runtime.json. The lock is SQLite's own file
 * lock on a small file beside the database, held for the life of the engine: the operating system lets go of it
 * however the process ends (SIGKILL, a power cut), so no stale lock is ever left to clear by hand, and the desktop
 * app's restart after a crash finds the folder free.
 */
export function holdDataFolder(dataDir: string): { release(): void } {
  const lock = new Database(join(dataDir, 'engine.lock'), { timeout: 0 });
  try {
    // In exclusive locking mode a lock once taken is kept until the connection closes; the file holds nothing, so
    // it needs no journal beside it.
    lock.pragma('journal_mode = MEMORY');
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new StartRefusedError(
      `another Hookferry is already running with the data folder ${dataDir} (the desktop app, or \`npm run serve\` in another window). Two at once would send your orders twice. Use the one that is running (its addresses are in ${join(dataDir, 'runtime.json')}), or stop it first; to run a second one, give it another folder with --data-dir.`,
      { cause: error },
    );
  }
  return { release: () => lock.close() };
}
