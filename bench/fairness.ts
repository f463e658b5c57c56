import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { runLoad, startReceiver, startServeForBench } from './processes.js';
import { printRow } from './report.js';

const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 30_000);
const UNLOADED_SECONDS = 4;
const LOAD_SECONDS = 10;
/** The part of the saturating load that is measured: after autocannon has started, before it ends. */
const WINDOW = { from: 2.5, to: 8.5 };

async function rate(receiver: { count(): Promise<number> }, seconds: number) {
  const from = await receiver.count();
  const started = performance.now();
  await sleep(seconds * 1000);
  return { perSecond: ((await receiver.count()) - from) / ((performance.now() - started) / 1000), received: from };
}

/**
 * Fairness: a backlog drains to a local receiver, first alone, then while 64 connections post as
 * fast as they can; the delivery rate under that load over the rate alone, in the same run.
 */
async function fairness(): Promise<void> {
  console.log(`\nFairness: ${BACKLOG} queued deliveries drained alone, then under saturated intake (64 connections)`);
  const receiver = await startReceiver();
  const serve = await startServeForBench();
  try {
    await serve.api('putSettings', { body: { deliveriesPaused: true } });
    await serve.api('createDestination', { body: { name: 'Receiver', url: receiver.url, concurrency: 32 } });
    await runLoad({ url: serve.posUrl, connections: 32, amount: BACKLOG, tag: 'backlog' });
    await serve.api('putSettings', { body: { deliveriesPaused: false } });
    await sleep(500);
    const unloaded = await rate(receiver, UNLOADED_SECONDS);
    const loading = runLoad({ url: serve.posUrl, connections: 64, seconds: LOAD_SECONDS, tag: 'saturate' });
    await sleep(WINDOW.from * 1000);
    const loaded = await rate(receiver, WINDOW.to - WINDOW.from);
    const load = await loading;
    const left = BACKLOG + load.ok - (await receiver.count());
    printRow('deliveries/s', loaded.perSecond, unloaded.perSecond, 'under saturated intake vs alone; goal ≥ 0.25');
    console.log(
      `  intake meanwhile: ${Math.round(load.requestsPerSecond)} answers/s, p99 ${load.p99} ms; ${left} deliveries still queued after`,
    );
    if (left <= 0) console.log('  (the backlog ran out during the measurement: raise BENCH_BACKLOG)');
  } finally {
    await serve.stop();
    await receiver.stop();
  }
}

function percentile(sorted: number[], share: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)]! : NaN;
}

/**
 * Under a steady 16-connection intake with a destination, how long each event waits from its
 * arrival (its commit follows within the same turn) to its first delivery attempt, read from the
 * store after the run: every event counts, including those still waiting when the load ended.
 */
async function firstAttemptLatency(): Promise<void> {
  console.log(`\nCommit → first delivery attempt under a steady 16-connection intake, ${LOAD_SECONDS} s`);
  const receiver = await startReceiver();
  const serve = await startServeForBench({ keepDataDir: true });
  try {
    await serve.api('createDestination', { body: { name: 'Receiver', url: receiver.url, concurrency: 32 } });
    const load = await runLoad({ url: serve.posUrl, connections: 16, seconds: LOAD_SECONDS, tag: 'steady' });
    const deadline = performance.now() + 60_000;
    while ((await receiver.count()) < load.ok && performance.now() < deadline) await sleep(100);
    await serve.stop();
    const db = new Database(join(serve.dataDir, 'hookferry.db'), { readonly: true });
    const waits = (
      db
        .prepare(
          `SELECT min(a.started_at) - e.received_at AS wait FROM events e
           JOIN deliveries d ON d.event_seq = e.seq JOIN attempts a ON a.delivery_id = d.id GROUP BY d.id`,
        )
        .all() as { wait: number }[]
    )
      .map((row) => row.wait)
      .sort((a, b) => a - b);
    db.close();
    printRow('first attempt p99 ms', percentile(waits, 0.99), 1000, 'the goal, 1 s, as the baseline');
    printRow('first attempt p50 ms', percentile(waits, 0.5), load.p50, 'beside the intake answer p50');
    console.log(
      `  intake: ${Math.round(load.requestsPerSecond)} answers/s, p99 ${load.p99} ms; ${waits.length} deliveries attempted for ${load.ok} answered posts`,
    );
  } finally {
    await serve.stop();
    await receiver.stop();
    rmSync(serve.dataDir, { recursive: true, force: true });
  }
}

export async function benchFairness(): Promise<void> {
  await fairness();
  await firstAttemptLatency();
}
