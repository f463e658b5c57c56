import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApiClient, type ApiClient } from '../main/api/client.js';
import type { RuntimeInfo } from '../main/cli/runtime-file.js';
import type { LoadOptions, LoadResult } from './load.js';

/** The build measured; `BENCH_SERVE` names another (a copy of dist/main) to compare two builds. */
const SERVE = process.env.BENCH_SERVE ?? join(import.meta.dirname, '..', 'dist', 'main', 'serve.js');
/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface Started {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Every process a bench started that has not exited yet, and what to clean up after each. */
const running = new Set<ChildProcess>();
const cleanups = new Set<() => void>();

/** Tracked from the moment it is spawned, so an interrupted start-up leaves nothing behind either. */
function tracked<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

// When the bench ends in any way (done, failed, interrupted), what it started ends with it.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const cleanup of cleanups) cleanup();
});
// Node's own answer to these signals ends the process without running 'exit' handlers.
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
] as const)
  process.once(signal, () => {
    console.error(`\n${signal}: stopping every process the bench started`);
    process.exit(128 + number);
  });

function stopper(child: ChildProcess, cleanup = () => {}): () => Promise<void> {
  cleanups.add(cleanup);
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    cleanups.delete(cleanup);
    cleanup();
  };
}

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from /proc/<pid>/stat: all
 * its threads, or with `mainThread` only the thread running JavaScript.
 */
export function cpuMsOf(child: ChildProcess, mainThread = false): number {
  const stat = readFileSync(
    mainThread ? `/proc/${child.pid}/task/${child.pid}/stat` : `/proc/${child.pid}/stat`,
    'utf8',
  );
  // The command name (field 2) may hold spaces; fields after its closing parenthesis start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

export interface BenchServe extends Started {
  runtime: RuntimeInfo;
  api: ApiClient;
  posUrl: string;
  dataDir: string;
}

/**
 * A `serve` on a data dir (a new temporary one unless given) with the rate limit lifted, for load.
 * `nodeFlags` go to node itself (`--cpu-prof` for a profile).
 */
export async function startServeForBench(
  options: { dataDir?: string; nodeFlags?: string[]; keepDataDir?: boolean } = {},
): Promise<BenchServe> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hookferry-bench-'));
  const cleanup = () => {
    if (!options.keepDataDir && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  // Registered before the start, so a start that fails or is interrupted leaves no folder behind either.
  cleanups.add(cleanup);
  const file = join(dataDir, 'runtime.json');
  rmSync(file, { force: true });
  const child = tracked(
    spawn(
      process.execPath,
      [...(options.nodeFlags ?? []), SERVE, '--data-dir', dataDir, '--port', '0', '--admin-port', '0'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    ),
  );
  const deadline = Date.now() + 60_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      cleanups.delete(cleanup);
      cleanup();
      throw new Error('serve did not start; run `npm run build` first.');
    }
    await sleep(50);
  }
  const runtime = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
  const api = createApiClient({ baseUrl: runtime.adminUrl, token: runtime.adminToken });
  await api('putSettings', { body: { intake: { rateLimitPerMinute: 10_000_000 } } });
  const posUrl = (await api('listSources'))[0]!.ingestUrl;
  return { child, runtime, api, posUrl, dataDir, stop: stopper(child, cleanup) };
}

/** One of the small servers in bench/baselines, in its own process; it prints its port when listening. */
async function startBaseline(name: string, args: string[] = []): Promise<Started & { url: string }> {
  const child = tracked(
    spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'baselines', `${name}.ts`), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', () => reject(new Error(`the ${name} baseline did not start`)));
  });
  return { child, url: `http://127.0.0.1:${port}/hook`, stop: stopper(child) };
}

/** node:http + better-sqlite3, group commit, synchronous=FULL: the durable intake baseline. */
export const startDurableBaseline = () => startBaseline('durable');
/** node:http in, got out, nothing stored: the end-to-end baseline. */
export const startRelay = (target: string) => startBaseline('relay', [target]);

/** node:http and one indexed single-row SELECT on a store's database file: the stats baseline. */
export const startPointRead = (file: string) => startBaseline('point-read', [file]);

/** The local receiver deliveries go to; `count()` asks it how many posts arrived. */
export async function startReceiver(): Promise<Started & { url: string; count(): Promise<number> }> {
  const started = await startBaseline('receiver');
  return {
    ...started,
    count: async () => ((await (await fetch(started.url)).json()) as { received: number }).received,
  };
}

/** Runs autocannon in its own process (see load.ts) and answers its figures. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const child = tracked(
    spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load.ts'), JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load generator failed (exit ${code})`);
  return JSON.parse(out) as LoadResult;
}

/**
 * Posts with `load` while watching the receiver (20 ms polls): the time from the first post
 * arriving to the last, so the load generator's own start-up is not counted.
 */
export async function timeDeliveries(
  receiver: { count(): Promise<number> },
  load: () => Promise<LoadResult>,
  timeoutMs = 120_000,
): Promise<{ perSecond: number; load: LoadResult; missing: number }> {
  const before = await receiver.count();
  let result: LoadResult | null = null;
  const running = load().then((done) => (result = done));
  const deadline = performance.now() + timeoutMs;
  let first = 0;
  let received = before;
  while (performance.now() < deadline) {
    await sleep(20);
    received = await receiver.count();
    if (!first && received > before) first = performance.now();
    if (result && received >= before + (result as LoadResult).ok) break;
  }
  const last = performance.now();
  const done = await running;
  return { perSecond: (received - before) / ((last - first) / 1000), load: done, missing: before + done.ok - received };
}
