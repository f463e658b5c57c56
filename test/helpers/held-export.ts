import { randomBytes } from 'node:crypto';
import { type ClientRequest, get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { type ServeProcess, startServe } from './serve-process.js';
import { tempDir } from './temp-dir.js';

const MB = 1024 * 1024;
/** A CSV with bodies: each of a large store's events adds a megabyte to it. */
export const HOLDING = 'format=csv&bodies=1';

/**
 * A data folder whose store holds `events` orders of 1 MB (text), made by serve and filled as posting them would
 * have: a CSV of 20 or more is far more than the sockets between a client and the engine hold unread.
 */
export async function largeStore(events: number): Promise<string> {
  const dataDir = tempDir();
  await (await startServe(dataDir)).stop();
  const db = new Database(join(dataDir, 'hookferry.db'));
  const insert = db.prepare(
    `INSERT INTO events (id, type, status, received_at, http_status, headers, content_type, body, body_size, summary)
     VALUES (?, 'order.add', 'received', ?, 200, '{}', 'text/plain', ?, ?, ?)`,
  );
  const start = Date.now() - events;
  db.transaction(() => {
    for (let n = 0; n < events; n++) {
      const body = Buffer.from(randomBytes((MB * 3) / 4).toString('base64'));
      insert.run(`evt_large_${n}`, start + n, body, body.length, `Đơn hàng mới · SPIRAL-LARGE-${n}`);
    }
  })();
  db.close();
  return dataDir;
}

export interface HeldExport {
  request: ClientRequest;
  response: IncomingMessage;
}

/** An export whose client reads nothing until the test reads it (readAll): the engine's writes wait on it. */
export function heldExport(serve: ServeProcess, query = HOLDING): Promise<HeldExport> {
  return new Promise((resolve, reject) => {
    const request = get(
      `${serve.runtime.adminUrl}/api/export?${query}`,
      { headers: { authorization: `Bearer ${serve.runtime.adminToken}` } },
      (response) => {
        // A cut is seen by reading it (readAll), not here.
        response.on('error', () => undefined);
        resolve({ request, response });
      },
    );
    request.on('error', reject);
  });
}

/**
 * Reads a held export to its end, its size in bytes; rejects when the download was cut before its last chunk. A slow
 * reader stops reading for `pauseMs` once each of the sizes in `pausesAtMb` has arrived.
 */
export async function readAll({ response }: HeldExport, pausesAtMb: number[] = [], pauseMs = 0): Promise<number> {
  let bytes = 0;
  const pausesAt = pausesAtMb.map((at) => at * MB);
  for await (const chunk of response as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (pausesAt.length && bytes >= pausesAt[0]!) {
      pausesAt.shift();
      await sleep(pauseMs);
    }
  }
  if (!response.complete) throw new Error('the download ended before its last chunk');
  return bytes;
}
