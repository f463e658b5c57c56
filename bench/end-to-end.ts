import { cpuMsOf, runLoad, startReceiver, startRelay, startServeForBench, timeDeliveries } from './processes.js';
import { printRow } from './report.js';

const CONNECTIONS = 32;
const EVENTS = Number(process.env.BENCH_E2E_EVENTS ?? 20_000);
const WARM_UP = 2_000;

interface Relay {
  url: string;
  child: Parameters<typeof cpuMsOf>[0];
}

/**
 * Posts `EVENTS` orders at 32 connections and times until the receiver has them all: events per
 * second end to end, and the relay's CPU per event (from /proc, all its threads).
 */
async function measure(relay: Relay, receiver: Awaited<ReturnType<typeof startReceiver>>, tag: string) {
  await timeDeliveries(receiver, () =>
    runLoad({ url: relay.url, connections: CONNECTIONS, amount: WARM_UP, tag: `${tag}w` }),
  );
  const cpu = cpuMsOf(relay.child);
  const timed = await timeDeliveries(receiver, () =>
    runLoad({ url: relay.url, connections: CONNECTIONS, amount: EVENTS, tag }),
  );
  return {
    perSecond: timed.perSecond,
    cpuPerEvent: (cpuMsOf(relay.child) - cpu) / timed.load.ok,
    intake: timed.load.requestsPerSecond,
    missing: timed.missing,
  };
}

/** Intake → stored → delivered to a local receiver, against a relay that stores nothing (node:http in, got out). */
export async function benchEndToEnd(): Promise<void> {
  console.log(`\nEnd to end: ${EVENTS} orders at ${CONNECTIONS} connections, until the receiver has them all`);
  const receiver = await startReceiver();
  const relay = await startRelay(receiver.url);
  const serve = await startServeForBench();
  try {
    await serve.api('createDestination', { body: { name: 'Receiver', url: receiver.url, concurrency: 32 } });
    const bare = await measure(relay, receiver, 'relay');
    const ours = await measure({ url: serve.posUrl, child: serve.child }, receiver, 'e2e');
    printRow('events/s end to end', ours.perSecond, bare.perSecond, 'goal ≥ 0.30 and ≥ 3,000/s');
    printRow('CPU ms per event', ours.cpuPerEvent, bare.cpuPerEvent, 'the whole process, every thread');
    printRow('intake answers/s', ours.intake, bare.intake);
    if (ours.missing > 0) console.log(`  not delivered within the time limit: ${ours.missing}`);
  } finally {
    await serve.stop();
    await relay.stop();
    await receiver.stop();
  }
}
