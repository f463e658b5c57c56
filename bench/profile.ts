import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cpuMsOf, runLoad, startReceiver, startServeForBench, timeDeliveries } from './processes.js';

/**
 * `npm run bench:profile`: a CPU profile of `serve` (node --cpu-prof) while 32 connections post
 * orders that are forwarded to a local receiver, summed per stage of an event's way through it.
 * Each sample goes to the stage of the innermost engine function on its stack (through the
 * bundle's source map), or, with none, to what node was doing (HTTP, GC, idle).
 */
const EVENTS = Number(process.env.BENCH_PROFILE_EVENTS ?? 20_000);
/** `intake`: no destination, 64 connections (or `BENCH_PROFILE_CONNECTIONS`); otherwise end to end. */
const MODE = process.env.BENCH_PROFILE_MODE ?? 'e2e';
const INTAKE_CONNECTIONS = Number(process.env.BENCH_PROFILE_CONNECTIONS ?? 64);
const ROOT = join(import.meta.dirname, '..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Stages by the original source of a frame (`file:function`); anonymous frames look further out. */
const STAGES: [RegExp, string][] = [
  [/main\/intake\//, 'intake: route, parse, verify, summarize'],
  [/main\/store\/(events-write|recent-bodies|ids)\.ts/, 'commit (event rows, duplicate check)'],
  [
    /main\/store\/deliveries\.ts:(record|eventStatus)|main\/delivery\/queue\.ts:(finish|noteHealth)/,
    'record (attempts, statuses)',
  ],
  [/main\/store\/deliveries\.ts:\w|main\/delivery\/queue\.ts:(pump|wake|loopIsBusy)/, 'claim (due deliveries)'],
  [/main\/delivery\/queue\.ts:start|main\/delivery\/(send|deliver|webhook-request|sign)\.ts/, 'send (request, got)'],
  [/main\/live\/|main\/admin\//, 'live log and admin'],
];

function stageOfNode(url: string, functionName: string): string | null {
  if (url.includes('/node_modules/got/') || url.includes('/node_modules/@szmarczak/')) return 'send (request, got)';
  if (
    url.includes('/node_modules/fastify') ||
    url.includes('/node_modules/find-my-way') ||
    url.includes('/node_modules/light-my-request')
  )
    return 'HTTP in (fastify)';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8 and native, unattributed';
  return null;
}

function stagesOf(profile: Profile, bundle: string): { stages: Map<string, number>; functions: Map<string, number> } {
  const map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as never);
  const bundleUrl = `file://${bundle}`;
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const ownStage = new Map<number, string | null>();
  const original = (node: ProfileNode): string | null => {
    if (node.callFrame.url !== bundleUrl) return null;
    const entry = map.findEntry(node.callFrame.lineNumber, node.callFrame.columnNumber) as {
      originalSource?: string;
    };
    if (!entry.originalSource) return null;
    const file = relative(ROOT, new URL(entry.originalSource, bundleUrl).pathname);
    return `${file}:${node.callFrame.functionName}`;
  };
  const stageOf = (id: number): string => {
    const cached = ownStage.get(id);
    if (cached !== undefined && cached !== null) return cached;
    let node: ProfileNode | undefined = byId.get(id);
    let fallback: string | null = null;
    while (node) {
      const source = original(node);
      if (source) {
        for (const [pattern, stage] of STAGES) if (pattern.test(source)) return cache(id, stage);
      }
      fallback ??= stageOfNode(node.callFrame.url, node.callFrame.functionName);
      if (!fallback && node.callFrame.url.startsWith('node:')) fallback = 'node: http, net, streams';
      const up = parent.get(node.id);
      node = up === undefined ? undefined : byId.get(up);
    }
    return cache(id, fallback ?? 'other');
  };
  const cache = (id: number, stage: string) => {
    ownStage.set(id, stage);
    return stage;
  };
  const stages = new Map<string, number>();
  const functions = new Map<string, number>();
  const add = (totals: Map<string, number>, key: string, ms: number) => totals.set(key, (totals.get(key) ?? 0) + ms);
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    add(stages, stageOf(id), ms);
    const frame = byId.get(id)!.callFrame;
    const name = original(byId.get(id)!) ?? `${frame.url.replace(/.*node_modules\//, '')}:${frame.functionName}`;
    add(functions, name, ms);
  });
  return { stages, functions };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'hookferry-profile-'));
  const receiver = await startReceiver();
  const serve = await startServeForBench({ nodeFlags: ['--cpu-prof', '--cpu-prof-dir', dir] });
  let cpu: number;
  let mainCpu: number;
  let delivered: number;
  try {
    const before = cpuMsOf(serve.child);
    const mainBefore = cpuMsOf(serve.child, true);
    if (MODE === 'intake') {
      const load = await runLoad({ url: serve.posUrl, connections: INTAKE_CONNECTIONS, seconds: 10, tag: 'profile' });
      delivered = load.ok;
      console.log(`\n${delivered} orders taken in, ${Math.round(load.requestsPerSecond)}/s, nothing forwarded`);
    } else {
      await serve.api('createDestination', { body: { name: 'Receiver', url: receiver.url, concurrency: 32 } });
      const timed = await timeDeliveries(receiver, () =>
        runLoad({ url: serve.posUrl, connections: 32, amount: EVENTS, tag: 'profile' }),
      );
      delivered = timed.load.ok;
      console.log(`\n${delivered} orders in and delivered, ${Math.round(timed.perSecond)} events/s end to end`);
    }
    cpu = cpuMsOf(serve.child) - before;
    mainCpu = cpuMsOf(serve.child, true) - mainBefore;
  } finally {
    await serve.stop();
    await receiver.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('serve wrote no profile');
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  rmSync(dir, { recursive: true, force: true });
  const { stages: totals, functions } = stagesOf(profile, join(ROOT, 'dist', 'main', 'serve.js'));
  // Samples are wall time, which a busy machine stretches; shares of the busy samples are spread over
  // the main thread's measured CPU instead.
  const busy = [...totals].filter(([stage]) => stage !== 'idle').reduce((sum, [, ms]) => sum + ms, 0);
  totals.delete('idle');
  console.log(
    `CPU per event: ${(cpu / delivered).toFixed(3)} ms for the whole process, ${(mainCpu / delivered).toFixed(3)} ms on the main thread, by stage:`,
  );
  for (const [stage, ms] of [...totals].sort((a, b) => b[1] - a[1]))
    console.log(
      `  ${stage.padEnd(46)} ${(((ms / busy) * mainCpu) / delivered).toFixed(3)} ms  ${((ms / busy) * 100).toFixed(0)}%`,
    );
  console.log('Functions with the most time of their own:');
  functions.delete(':(idle)');
  for (const [name, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${name}`);
}

await main();
