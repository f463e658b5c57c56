import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { summarize } from '../main/intake/summary.js';
import { afterCommitOf } from '../main/store/after-commit.js';
import { openDatabase } from '../main/store/database.js';
import { EventWriter, type NewEvent } from '../main/store/events-write.js';
import { newEvent } from '../test/helpers/new-event.js';
import { printRow } from './report.js';

const EVENTS = Number(process.env.BENCH_STORE_EVENTS ?? 4_000);
const ROUNDS = 3;
const ORDER = readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'teamcrop', 'order.add.json'), 'utf8');

let serial = 0;
function orderBody(): Buffer {
  serial++;
  return Buffer.from(ORDER.replace(/"id":\s*"?\d+"?/, `"id": ${9_000_000 + serial}`));
}

/** An accepted Teamcrop order as the intake hands it to the writer. */
function orderEvent(): NewEvent {
  const body = orderBody();
  const parsed: unknown = JSON.parse(body.toString('utf8'));
  return newEvent({
    sourceName: 'Teamcrop',
    headers: { host: '127.0.0.1', 'content-type': 'application/json', 'tc-webhook-event': 'order.add' },
    body,
    parsed,
    summary: summarize('teamcrop', 'order.add', parsed),
  });
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** CPU µs per event for Hookferry's writer: rows, indexes, duplicate check, then the search and counter batch. */
async function writerCost(dir: string, batch: number): Promise<number> {
  const db = openDatabase(join(dir, `hookferry-${serial}.db`));
  const writer = new EventWriter(db, null);
  const events = Array.from({ length: EVENTS }, orderEvent);
  const start = cpuMs();
  for (let at = 0; at < EVENTS; at += batch)
    await Promise.all(events.slice(at, at + batch).map((event) => writer.write(event)));
  afterCommitOf(db).catchUp();
  const spent = cpuMs() - start;
  writer.close();
  db.close();
  return (spent / EVENTS) * 1000;
}

/** The same for the durable baseline's table and insert (bench/baselines/durable.ts). */
async function baselineCost(dir: string, batch: number): Promise<number> {
  const db = new Database(join(dir, `baseline-${serial}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, body BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO events (received_at, body) VALUES (?, ?)');
  const commit = db.transaction((bodies: Buffer[]) => bodies.map((body) => insert.run(Date.now(), body)));
  const bodies = Array.from({ length: EVENTS }, orderBody);
  const start = cpuMs();
  for (let at = 0; at < EVENTS; at += batch) {
    commit(bodies.slice(at, at + batch));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const spent = cpuMs() - start;
  db.close();
  return (spent / EVENTS) * 1000;
}

/**
 * The store alone, in this process: what committing a Teamcrop order costs Hookferry's writer against the durable
 * baseline's one-table insert, one event per commit (one connection) and 16 (a grouped commit). It bounds what the
 * intake can reach: the writer's work is part of every request, however lean the rest of the path.
 */
export async function benchStore(): Promise<void> {
  console.log(`\nThe store alone, in-process: ${EVENTS} Teamcrop orders per round, synchronous=FULL, CPU per event`);
  const dir = mkdtempSync(join(tmpdir(), 'hookferry-bench-store-'));
  try {
    for (const batch of [1, 16]) {
      await writerCost(dir, batch);
      for (let round = 1; round <= ROUNDS; round++) {
        const ours = await writerCost(dir, batch);
        const baseline = await baselineCost(dir, batch);
        printRow(`µs per event, ${batch} a commit`, ours, baseline, `round ${round}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
