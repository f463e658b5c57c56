import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/store/database.js';
import { startRetention } from '../../main/store/retention.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

describe('retention', () => {
  it('removes old delivered, unrouted and rejected events in batches, and keeps failed and pending ones', async () => {
    const db = openDatabase(join(tempDir(), 'hookferry.db'));
    const old = Date.now() - 31 * 24 * 3_600_000;
    const insert = db.prepare(
      "INSERT INTO events (id, type, status, received_at, http_status, headers, body_size, summary) VALUES (?, 'x', ?, ?, 200, '{}', 0, 'x')",
    );
    const statuses = ['delivered', 'received', 'rejected', 'failed', 'pending'];
    db.transaction(() => {
      for (let n = 0; n < 1200; n++) insert.run(`old_${n}`, statuses[n % 5], old);
      for (const status of statuses) insert.run(`new_${status}`, status, Date.now());
    })();
    // A sweep logs once, when a batch comes back short: the end of the sweep, not a pause between two batches.
    const logged: { msg: string; removed?: number }[] = [];
    const log = pino(
      { level: 'info' },
      { write: (line: string) => logged.push(JSON.parse(line) as (typeof logged)[0]) },
    );
    const retention = startRetention(db, () => 30, log);
    const left = () =>
      db.prepare('SELECT status, count(*) AS n FROM events GROUP BY status ORDER BY status').all() as {
        status: string;
        n: number;
      }[];
    const sweep = await waitUntil(
      () => logged.find((line) => line.msg === 'old events removed (retention)'),
      'the retention sweep ended',
    );
    retention.stop();
    expect(sweep.removed).toBe(720);
    expect(left()).toEqual([
      { status: 'delivered', n: 1 },
      { status: 'failed', n: 241 },
      { status: 'pending', n: 241 },
      { status: 'received', n: 1 },
      { status: 'rejected', n: 1 },
    ]);
  });
});
