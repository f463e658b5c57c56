import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import got from 'got';
import type { ApiClient } from '../main/api/client.js';
import { startBareServer, startServeForBench } from './processes.js';
import { printRow } from './report.js';

const PARALLEL = 32;
const MESSAGES = Number(process.env.BENCH_DELIVERIES ?? 20_000);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 100_000);
const INTAKE_RATE = 500;
const body = JSON.stringify({ id: 1, invoice_id: 'BENCH', price_final: 936200, note: 'x'.repeat(500) });

let distinct = 0;
/** Posts `count` distinct events as fast as 32 connections allow. */
async function fill(url: string, count: number) {
  return autocannon({
    url,
    connections: PARALLEL,
    amount: count,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-event-type': 'bench.order' },
    requests: [{ setupRequest: (request) => ({ ...request, body: `{"n":${distinct++},"pad":"${'x'.repeat(500)}"}` }) }],
  });
}

async function outstanding(api: ApiClient): Promise<number> {
  const { deliveries } = await api('getStats');
  return deliveries.pending + deliveries.retrying + deliveries.delivering;
}

/** Seconds until nothing is left to deliver (polled twice a second, as a dashboard would). */
async function waitForDrained(api: ApiClient): Promise<number> {
  const started = performance.now();
  while ((await outstanding(api)) > 0) await sleep(500);
  return (performance.now() - started) / 1000;
}

/** The baseline: 32 loops posting with got through one keep-alive agent, nothing stored. */
async function bareGotLoop(url: string, count: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: PARALLEL });
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (sent < count) {
        sent++;
        await got.post(url, {
          body,
          headers: { 'content-type': 'application/json' },
          agent: { http: agent },
          retry: { limit: 0 },
          throwHttpErrors: false,
        });
      }
    }),
  );
  agent.destroy();
  return count / ((performance.now() - started) / 1000);
}

export async function benchDelivery(): Promise<void> {
  console.log(`\nDelivery to a local keep-alive sink, ${PARALLEL}-way, ${MESSAGES} events`);
  const sink = await startBareServer();
  const serve = await startServeForBench();
  try {
    await bareGotLoop(sink.url, 2000);
    const baseline = await bareGotLoop(sink.url, MESSAGES);
    await serve.api('putSettings', { body: { deliveriesPaused: true } });
    await serve.api('createDestination', { body: { name: 'Sink', url: sink.url, concurrency: PARALLEL } });
    await fill(serve.posUrl, MESSAGES);
    await serve.api('putSettings', { body: { deliveriesPaused: false } });
    const seconds = await waitForDrained(serve.api);
    printRow(
      'deliveries/s',
      MESSAGES / seconds,
      baseline,
      'our queue, stored and recorded, vs a bare got loop; goal ≥ 0.75',
    );
  } finally {
    await serve.stop();
    await sink.stop();
  }

  console.log(`\nBacklog drain: ${BACKLOG} queued deliveries while intake keeps running (${INTAKE_RATE} events/s)`);
  const sink2 = await startBareServer();
  const drain = await startServeForBench();
  try {
    await drain.api('putSettings', { body: { deliveriesPaused: true } });
    await drain.api('createDestination', { body: { name: 'Sink', url: sink2.url, concurrency: PARALLEL } });
    await fill(drain.posUrl, BACKLOG);
    const quiet = await intakeLoad(drain.posUrl, 5);
    await drain.api('putSettings', { body: { deliveriesPaused: false } });
    const queued = await outstanding(drain.api);
    const started = performance.now();
    const busyResult = await intakeLoad(drain.posUrl, 10);
    const loadSeconds = (performance.now() - started) / 1000;
    // Everything queued before, plus what the load itself added, minus what is still waiting.
    const left = await outstanding(drain.api);
    const drainedDuringLoad = queued + busyResult['2xx'] - left;
    const seconds = await waitForDrained(drain.api);
    console.log(
      `  drained ${drainedDuringLoad} deliveries in the ${loadSeconds.toFixed(1)} s of intake load; the last ${left} in ${seconds.toFixed(1)} s more`,
    );
    printRow('drain/s under load', drainedDuringLoad / loadSeconds, 2000, 'baseline is the goal, 2,000/s');
    printRow('intake p99 ms', busyResult.latency.p99, quiet.latency.p99, 'during the drain vs quiet; goal ≤ 2');
  } finally {
    await drain.stop();
    await sink2.stop();
  }
}

/** A steady 500 events a second (far above a shop's busiest hour), so p99 shows latency, not saturation. */
async function intakeLoad(url: string, seconds: number) {
  return autocannon({
    url,
    connections: 16,
    overallRate: INTAKE_RATE,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-event-type': 'bench.order' },
    requests: [{ setupRequest: (request) => ({ ...request, body: `{"n":${distinct++},"pad":"${'y'.repeat(500)}"}` }) }],
  });
}
