import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServeForBench } from './processes.js';

export const FILLED_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const TYPES = [
  'order.add',
  'order.edit',
  'order.additem',
  'customer.add',
  'customer.edit',
  'product.edit',
  'cashflow.add',
  'productreceipt.add',
  'promotion.add',
  'supportticket.add',
];

export interface FilledStore {
  dataDir: string;
  destinationId: string;
}

/**
 * Fills the store directly, in transactions of 50,000 events (a bench fixture, not the intake
 * path, which would take the better part of an hour here): one event a second up to now, 1%
 * failed, 1% rejected, ten event types. Events of the last two days, and every failed one, have
 * their delivery to one destination and its attempt (what the overview's figures read); older
 * ones went to no destination, which keeps the fill to minutes on a shared machine. The counters
 * follow through the store's triggers; the search index is left empty (search has its own bench).
 */
function fill(dataDir: string, sourceId: string, destinationId: string) {
  const db = new Database(join(dataDir, 'hookferry.db'));
  // A fixture, not the intake path: no fsync, and a cache that holds the indexes while they grow.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insertEvent =
    db.prepare(`INSERT INTO events (id, source_id, source_name, type, status, received_at, http_status, headers, content_type, body, body_size, summary)
    VALUES (?, ?, 'POS', ?, ?, ?, 200, '{"content-type":"application/json"}', 'application/json', ?, ?, ?)`);
  const insertDelivery = db.prepare(
    `INSERT INTO deliveries (event_seq, destination_id, status, attempts, next_attempt_at, last_error, updated_at)
     VALUES (?, ?, ?, 1, NULL, ?, ?)`,
  );
  const insertAttempt = db.prepare(
    'INSERT INTO attempts (delivery_id, started_at, duration_ms, category, http_status, error) VALUES (?, ?, 12, ?, ?, ?)',
  );
  const start = Date.now() - FILLED_EVENTS * 1000;
  const recent = Date.now() - 2 * 86_400_000;
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const type = TYPES[n % TYPES.length]!;
      const at = start + n * 1000;
      const status = n % 100 === 7 ? 'failed' : n % 100 === 13 ? 'rejected' : at < recent ? 'received' : 'delivered';
      const body = `{"id":${n},"invoice_id":"INV-${n}","price_final":${(n % 997) * 1000}}`;
      const seq = insertEvent.run(
        `evt_bench${n.toString(36).padStart(8, '0')}`,
        sourceId,
        type,
        status,
        at,
        body,
        body.length,
        `${type} · INV-${n} · ${(n % 997) * 1000} ₫ · Khách ${n % 5000}`,
      ).lastInsertRowid;
      if (status === 'rejected' || status === 'received') continue;
      const error = status === 'failed' ? 'The destination answered 500.' : null;
      const delivery = insertDelivery.run(seq, destinationId, status, error, at + 12).lastInsertRowid;
      insertAttempt.run(
        delivery,
        at,
        status === 'failed' ? 'http' : 'delivered',
        status === 'failed' ? 500 : 200,
        error,
      );
    }
  });
  for (let from = 0; from < FILLED_EVENTS; from += 50_000) batch(from, Math.min(FILLED_EVENTS, from + 50_000));
  db.close();
}

let filled: Promise<FilledStore> | null = null;
const dirs: string[] = [];

/** The filled store, made once per bench run and shared by the benches that need it. */
export function filledStore(): Promise<FilledStore> {
  filled ??= (async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hookferry-bench-filled-'));
    dirs.push(dataDir);
    const serve = await startServeForBench({ dataDir });
    const sourceId = (await serve.api('listSources'))[0]!.id;
    const destination = await serve.api('createDestination', {
      body: { name: 'Receiver', url: 'http://127.0.0.1:9/hook', paused: true },
    });
    await serve.stop();
    const started = performance.now();
    fill(dataDir, sourceId, destination.id);
    console.log(
      `  (store filled with ${FILLED_EVENTS.toLocaleString('en')} events, their deliveries and attempts in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    return { dataDir, destinationId: destination.id };
  })();
  return filled;
}

export function removeFilledStores(): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
