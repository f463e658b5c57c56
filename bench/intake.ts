import { cpuMsOf, runLoad, startDurableBaseline, startServeForBench } from './processes.js';
import { printRow } from './report.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** `BENCH_LEVELS=1` measures one connection only. */
const LEVELS = (process.env.BENCH_LEVELS ?? '1,16,64').split(',').map(Number);

/**
 * Durable intake against the durable baseline (node:http + better-sqlite3, group commit,
 * synchronous=FULL), each in its own process, autocannon in a third; the same distinct Teamcrop
 * orders to both, one concurrency level at a time, alternating so drift on a shared machine hits both.
 */
export async function benchIntake(): Promise<void> {
  console.log(`\nDurable intake of distinct Teamcrop orders, ${SECONDS} s per level (autocannon in its own process)`);
  const baseline = await startDurableBaseline();
  const serve = await startServeForBench();
  try {
    for (const connections of LEVELS) {
      const tag = `c${connections}`;
      await runLoad({ url: baseline.url, connections, seconds: 2, tag: `${tag}w` });
      const cpuBase = cpuMsOf(baseline.child);
      const bare = await runLoad({ url: baseline.url, connections, seconds: SECONDS, tag });
      const bareCpu = (cpuMsOf(baseline.child) - cpuBase) / bare.ok;
      await runLoad({ url: serve.posUrl, connections, seconds: 2, tag: `${tag}w` });
      const cpuOurs = cpuMsOf(serve.child);
      const ours = await runLoad({ url: serve.posUrl, connections, seconds: SECONDS, tag });
      const oursCpu = (cpuMsOf(serve.child) - cpuOurs) / ours.ok;
      console.log(` c=${connections}`);
      printRow('requests/s', ours.requestsPerSecond, bare.requestsPerSecond, 'goal ≥ 0.70');
      printRow('p99 ms', ours.p99, bare.p99, connections === 64 ? 'goal ≤ 2.00' : '');
      printRow('p50 ms', ours.p50, bare.p50);
      printRow('CPU ms per request', oursCpu, bareCpu);
      if (ours.other + bare.other > 0)
        console.log(`  answers other than 200: hookferry ${ours.other}, baseline ${bare.other}`);
    }
  } finally {
    await serve.stop();
    await baseline.stop();
  }
}
