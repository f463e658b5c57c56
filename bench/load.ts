import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

/**
 * The load generator, run as its own process (so it does not share an event loop with what it
 * measures): posts distinct Teamcrop orders and prints autocannon's figures as one JSON line.
 */
export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds of load; or `amount` requests in all. */
  seconds?: number;
  amount?: number;
  /** Requests per second over all connections, for a steady (not saturating) load. */
  overallRate?: number;
  /** Makes every order id distinct from other runs against the same store. */
  tag: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
  seconds: number;
}

const order = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'teamcrop', 'order.add.json'), 'utf8'),
) as Record<string, unknown>;

async function run(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    method: 'POST',
    headers: { 'content-type': 'application/json', 'tc-webhook-event': 'order.add', 'x-event-type': 'order.add' },
    requests: [
      {
        setupRequest: (request) => {
          next++;
          return {
            ...request,
            body: JSON.stringify({ ...order, id: next, invoice_id: `BENCH-${options.tag}-${next}` }),
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
  };
}

if (process.argv[2]) {
  const result = await run(JSON.parse(process.argv[2]) as LoadOptions);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
