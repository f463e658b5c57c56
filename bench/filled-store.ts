import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventTally } from '../main/store/event-counters.js';
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

/** Events per transaction of the fill. */
const FILL_BATCH = 100_000;

/**
 * Fills the store directly, each batch of events made by one INSERT … SELECT inside SQLite (a
 * bench fixture, not the intake path, which would take the better part of an hour here): one
 * event a second up to now, 1% failed, 1% rejected, ten event types. Events of the last two days,
 * and every failed one, have their delivery to one destination and its attempt (what the
 * overview's figures read); older ones went to no destination. The counters are tallied as after
 * intake commits; the search index is left empty (search has its own bench).
 */
function fill(dataDir: string, sourceId: string, destinationId: string) {
  const db = new Database(join(dataDir, 'hookferry.db'));
  // A fixture, not the intake path: no fsync, and a cache that holds the indexes while they grow.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insertEvents = db.prepare(`
    WITH RECURSIVE n(v) AS (SELECT CAST(@from AS INTEGER) UNION ALL SELECT v + 1 FROM n WHERE v + 1 < @to),
    made AS (
      SELECT v, CAST(@start AS INTEGER) + v * 1000 AS at, json_extract(@types, '$[' || (v % 10) || ']') AS type,
             CAST(printf('{"id":%d,"invoice_id":"INV-%d","price_final":%d}', v, v, (v % 997) * 1000) AS BLOB) AS body
      FROM n)
    INSERT INTO events (id, source_id, source_name, type, status, received_at, http_status, headers, content_type, body, body_size, summary)
    SELECT printf('evt_bench%08d', v), @source, 'POS', type,
           CASE WHEN v % 100 = 7 THEN 'failed' WHEN v % 100 = 13 THEN 'rejected' WHEN at < @recent THEN 'received' ELSE 'delivered' END,
           at, 200, '{"content-type":"application/json"}', 'application/json', body, length(body),
           printf('%s · INV-%d · %d ₫ · Khách %d', type, v, (v % 997) * 1000, v % 5000)
    FROM made`);
  const insertDeliveries = db.prepare(`
    INSERT INTO deliveries (event_seq, destination_id, status, attempts, next_attempt_at, last_error, updated_at)
    SELECT seq, @destination, status, 1, NULL, CASE status WHEN 'failed' THEN 'The destination answered 500.' END, received_at + 12
    FROM events WHERE seq > @after AND status IN ('delivered', 'failed')`);
  const insertAttempts = db.prepare(`
    INSERT INTO attempts (delivery_id, started_at, duration_ms, category, http_status, error)
    SELECT d.id, e.received_at, 12, CASE d.status WHEN 'failed' THEN 'http' ELSE 'delivered' END,
           CASE d.status WHEN 'failed' THEN 500 ELSE 200 END, d.last_error
    FROM deliveries d JOIN events e ON e.seq = d.event_seq WHERE d.event_seq > @after`);
  const lastSeq = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events').pluck();
  const start = Date.now() - FILLED_EVENTS * 1000;
  const recent = Date.now() - 2 * 86_400_000;
  const types = JSON.stringify(TYPES);
  const batch = db.transaction((from: number, to: number) => {
    const after = lastSeq.get() as number;
    insertEvents.run({ from, to, start, recent, types, source: sourceId });
    insertDeliveries.run({ after, destination: destinationId });
    insertAttempts.run({ after });
  });
  for (let from = 0; from < FILLED_EVENTS; from += FILL_BATCH) batch(from, Math.min(FILLED_EVENTS, from + FILL_BATCH));
  // Left empty on purpose: marked as indexed, or serve would index the million events at its start.
  db.prepare('UPDATE search_progress SET indexed_upto = (SELECT max(seq) FROM events)').run();
  db.transaction(eventTally(db))();
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
