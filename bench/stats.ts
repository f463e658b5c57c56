import { openStream } from '../main/api/stream-client.js';
import { FILLED_EVENTS, filledStore } from './filled-store.js';
import { join } from 'node:path';
import {
  type BenchServe,
  cpuMsOf,
  runLoad,
  startPointRead,
  startReceiver,
  startServeForBench,
  timeDeliveries,
} from './processes.js';
import { printRow } from './report.js';

const CALLS = 60;
const EVENTS = Number(process.env.BENCH_DASHBOARD_EVENTS ?? 4_000);
/** As the dashboard: figures read again at most once a second under a flow of messages (live-cache.ts)… */
const STATS_REFRESH_MS = 1000;
/** …and once a minute regardless (queries.ts). */
const STATS_INTERVAL_MS = 60_000;

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)]!;
}

interface Forwarded {
  perSecond: number;
  cpuPerEvent: number;
}

interface Timing {
  p50: number;
  p95: number;
}

/** Milliseconds per GET for each target, p50 and p95 over CALLS calls after a warm-up, the targets taken in turn. */
async function timeCalls(targets: { url: string; headers?: Record<string, string> }[]) {
  const call = async ({ url, headers }: (typeof targets)[number]) => {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) for (const target of targets) await call(target);
  const times = targets.map(() => [] as number[]);
  for (let i = 0; i < CALLS; i++) for (const [n, target] of targets.entries()) times[n]!.push(await call(target));
  return times.map((each) => {
    each.sort((a, b) => a - b);
    return { p50: percentile(each, 0.5), p95: percentile(each, 0.95) };
  });
}

/** Serve's CPU (all threads, from /proc) per call of one route, over CALLS calls in a row. */
async function cpuPerCall(serve: BenchServe, url: string, headers: Record<string, string>): Promise<number> {
  const before = cpuMsOf(serve.child);
  for (let i = 0; i < CALLS; i++) await (await fetch(url, { headers })).arrayBuffer();
  return (cpuMsOf(serve.child) - before) / CALLS;
}

/**
 * A dashboard left open on the Overview: it reads the live stream and refreshes the stats at most
 * once a second while messages come, and once a minute regardless (as renderer/src/data does).
 * `everyMs` instead polls the stats at that period, the heavier case the issue measured.
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
  const pointRead = await startPointRead(join(store.dataDir, 'hookferry.db'));
  try {
    const admin = { authorization: `Bearer ${serve.runtime.adminToken}` };
    const [raw, stats, settings] = (await timeCalls([
      { url: pointRead.url },
      { url: `${serve.runtime.adminUrl}/api/stats`, headers: admin },
      { url: `${serve.runtime.adminUrl}/api/settings`, headers: admin },
    ])) as [Timing, Timing, Timing];
    printRow('GET /api/stats p50 ms', stats.p50, raw.p50, 'beside node:http + one indexed row; goal ≤ 5 ms');
    printRow('GET /api/stats p95 ms', stats.p95, raw.p95);
    printRow('GET /api/settings p50 ms', settings.p50, raw.p50, 'the cheapest admin call, for scale');
    const statsCpu = await cpuPerCall(serve, `${serve.runtime.adminUrl}/api/stats`, admin);
    const settingsCpu = await cpuPerCall(serve, `${serve.runtime.adminUrl}/api/settings`, admin);
    printRow('CPU ms per stats call', statsCpu, settingsCpu, "serve's CPU, beside GET /api/settings");

    await serve.api('updateDestination', {
      params: { id: store.destinationId },
      body: { url: receiver.url, concurrency: 32, paused: false },
    });
    let tag = 0;
    // Events per second end to end, and serve's CPU per event (all threads): the steadier figure on a shared machine.
    const forward = async () => {
      const cpu = cpuMsOf(serve.child);
      const timed = await timeDeliveries(receiver, () =>
        runLoad({ url: serve.posUrl, connections: 32, amount: EVENTS, tag: `d${tag++}` }),
      );
      return { perSecond: timed.perSecond, cpuPerEvent: (cpuMsOf(serve.child) - cpu) / timed.load.ok };
    };
    await forward();
    const runs = { closed: [] as Forwarded[], open: [] as Forwarded[], polled: [] as Forwarded[] };
    for (let round = 0; round < 2; round++) {
      runs.closed.push(await forward());
      let close = openDashboard(serve);
      runs.open.push(await forward());
      close();
      close = openDashboard(serve, 100);
      runs.polled.push(await forward());
      close();
    }
    const mean = (values: Forwarded[], figure: keyof Forwarded) =>
      values.reduce((sum, value) => sum + value[figure], 0) / values.length;
    printRow(
      'events/s, dashboard open',
      mean(runs.open, 'perSecond'),
      mean(runs.closed, 'perSecond'),
      'vs closed; goal ≥ 0.95',
    );
    printRow(
      'CPU ms/event, open',
      mean(runs.open, 'cpuPerEvent'),
      mean(runs.closed, 'cpuPerEvent'),
      'vs closed; goal ≤ 1.05',
    );
    printRow('events/s, stats 10×/s', mean(runs.polled, 'perSecond'), mean(runs.closed, 'perSecond'), 'vs closed');
    const closedCpuPerSecond = mean(runs.closed, 'perSecond') * mean(runs.closed, 'cpuPerEvent');
    console.log(
      `  stats refreshed once a second cost ${((statsCpu / closedCpuPerSecond) * 100).toFixed(2)}% of the CPU forwarding used per second (goal < 5%, the stream aside)`,
    );
    printRow('CPU ms/event, 10×/s', mean(runs.polled, 'cpuPerEvent'), mean(runs.closed, 'cpuPerEvent'), 'vs closed');
  } finally {
    await pointRead.stop();
    await serve.stop();
    await receiver.stop();
  }
}
