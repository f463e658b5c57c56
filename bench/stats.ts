import { openStream } from '../main/api/stream-client.js';
import { FILLED_EVENTS, filledStore } from './filled-store.js';
import { type BenchServe, runLoad, startReceiver, startServeForBench, timeDeliveries } from './processes.js';
import { printRow } from './report.js';

const CALLS = 40;
const EVENTS = Number(process.env.BENCH_DASHBOARD_EVENTS ?? 10_000);
const STATS_REFRESH_MS = 1000;
const STATS_INTERVAL_MS = 5000;

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)]!;
}

/** Milliseconds per call of one admin route, p50 and p95 over CALLS calls after a warm-up. */
async function timeCalls(serve: BenchServe, path: string) {
  const call = async () => {
    const started = performance.now();
    const response = await fetch(`${serve.runtime.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) times.push(await call());
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

/**
 * A dashboard left open on the Overview: it reads the live stream and refreshes the stats at most
 * once a second while messages come, and every five seconds regardless (as Overview.tsx does).
 * `everyMs` instead polls the stats at that period, the heavier case of a busy live log.
 */
function openDashboard(serve: BenchServe, everyMs?: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  let loading = false;
  // Like the dashboard's query cache: one stats request at a time, a refresh asked meanwhile is dropped.
  const refresh = () => {
    if (loading) return;
    loading = true;
    serve
      .api('getStats')
      .catch(() => {})
      .finally(() => (loading = false));
  };
  const stopStream = openStream(
    { baseUrl: serve.runtime.adminUrl, token: serve.runtime.adminToken },
    () => {
      if (everyMs || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        refresh();
      }, STATS_REFRESH_MS);
    },
    () => {},
  );
  const interval = setInterval(refresh, everyMs ?? STATS_INTERVAL_MS);
  return () => {
    stopStream();
    clearInterval(interval);
    clearTimeout(timer);
  };
}

/**
 * `GET /api/stats` with a million stored events, beside the cheapest admin call; then forwarding
 * throughput end to end with and without an open dashboard, alternating, on that same store.
 */
export async function benchStats(): Promise<void> {
  console.log(`\nStats and an open dashboard, ${FILLED_EVENTS.toLocaleString('en')} stored events`);
  const store = await filledStore();
  const receiver = await startReceiver();
  const serve = await startServeForBench({ dataDir: store.dataDir });
  try {
    const stats = await timeCalls(serve, '/api/stats');
    const settings = await timeCalls(serve, '/api/settings');
    printRow('GET /api/stats p50 ms', stats.p50, settings.p50, 'beside GET /api/settings; goal ≤ 5 ms');
    printRow('GET /api/stats p95 ms', stats.p95, settings.p95);

    await serve.api('updateDestination', {
      params: { id: store.destinationId },
      body: { url: receiver.url, concurrency: 32, paused: false },
    });
    let tag = 0;
    const forward = () =>
      timeDeliveries(receiver, () => runLoad({ url: serve.posUrl, connections: 32, amount: EVENTS, tag: `d${tag++}` }));
    await forward();
    const rates = { closed: [] as number[], open: [] as number[], polled: [] as number[] };
    for (let round = 0; round < 2; round++) {
      rates.closed.push((await forward()).perSecond);
      let close = openDashboard(serve);
      rates.open.push((await forward()).perSecond);
      close();
      close = openDashboard(serve, 100);
      rates.polled.push((await forward()).perSecond);
      close();
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    printRow('events/s, dashboard open', mean(rates.open), mean(rates.closed), 'vs closed; goal ≥ 0.95');
    printRow('events/s, stats 10×/s', mean(rates.polled), mean(rates.closed), 'vs closed');
  } finally {
    await serve.stop();
    await receiver.stop();
  }
}
