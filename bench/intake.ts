import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startBareServer, startServeForBench } from './processes.js';
import { printRow } from './report.js';

const order = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'teamcrop', 'order.add.json'), 'utf8'),
) as Record<string, unknown>;
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** Distinct Teamcrop orders (a new id each), so none is absorbed as a duplicate. */
let next = 1;

async function load(url: string, seconds: number) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'tc-webhook-event': 'order.add' },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ ...order, id: next++, invoice_id: `BENCH-${next}` }),
        }),
      },
    ],
  });
}

export async function benchIntake(): Promise<void> {
  console.log(
    `\nDurable intake of distinct Teamcrop orders, ${CONNECTIONS} connections, ${SECONDS} s each (autocannon)`,
  );
  const bare = await startBareServer();
  const serve = await startServeForBench();
  try {
    await load(bare.url, 2);
    const baseline = await load(bare.url, SECONDS);
    await load(serve.posUrl, 2);
    const ours = await load(serve.posUrl, SECONDS);
    const non2xx = ours.non2xx + ours.errors;
    printRow('requests/s', ours.requests.average, baseline.requests.average, 'higher is better; goal ≥ 0.30');
    printRow('p99 latency ms', ours.latency.p99, baseline.latency.p99, 'goal: ours ≤ 10 ms');
    printRow('p50 latency ms', ours.latency.p50, baseline.latency.p50);
    console.log(`  answers other than 200 from Hookferry: ${non2xx}`);
    const stats = await serve.api('getStats');
    console.log(
      `  events stored by Hookferry: ${stats.today.received} (answered 200: ${ours['2xx']} in the measured run, plus warm-up)`,
    );
  } finally {
    await serve.stop();
    await bare.stop();
  }
}
