import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Runs `during` while the store holds an event whose stored reason is not what Hookferry writes (as a damaged or
 * foreign row would be): an export cannot say it, so it stops there. The row is taken out again afterwards.
 */
export async function withUnreadableEvent(dataDir: string, during: () => Promise<void>): Promise<void> {
  const db = new Database(join(dataDir, 'hookferry.db'));
  db.pragma('busy_timeout = 5000');
  db.prepare(
    `INSERT INTO events (id, type, status, received_at, http_status, rejection, headers, body_size, summary)
     VALUES ('evt_unreadable', 'unknown', 'rejected', ?, 400, '{not json', '{}', 0, '')`,
  ).run(Date.now());
  try {
    await during();
  } finally {
    db.prepare(`DELETE FROM events WHERE id = 'evt_unreadable'`).run();
    db.close();
  }
}
