import { Worker } from 'node:worker_threads';
import { TransformRunner } from '../main/delivery/transform-runner.js';
import { teamcropOrder } from '../test/helpers/fixtures.js';
import { printRow } from './report.js';

const CALLS = 500;
const EXPRESSION = '{"order": invoice_id, "total": price_final, "who": $uppercase(billing_full_name)}';
const CHILD = new URL('../dist/main/transform-child.js', import.meta.url);

/**
 * What running JSONata in a child process (which a single huge allocation cannot take the engine down with)
 * costs per call, against the worker thread it replaced, in the same run: CALLS calls one after the other
 * of a small reshaping of a Teamcrop order, after a warm-up. Also the load of a fresh process, paid after
 * each overrun.
 */
export async function benchTransform(): Promise<void> {
  console.log(`\nJSONata round trip (${CALLS} calls, one at a time)`);
  const runner = new TransformRunner(CHILD);
  const loadStart = performance.now();
  await runner.run(EXPRESSION, { value: teamcropOrder });
  const load = performance.now() - loadStart;
  const child = await perCall(() => runner.run(EXPRESSION, { value: teamcropOrder }));
  await runner.close();

  // The baseline: the worker thread as the engine ran it before, with the same library and input.
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const jsonata = require('jsonata');
     const compiled = new Map();
     parentPort.on('message', async ({ id, expression, input }) => {
       if (!compiled.has(expression)) compiled.set(expression, jsonata(expression));
       const output = await compiled.get(expression).evaluate(input);
       parentPort.postMessage({ id, result: { ok: true, output: JSON.parse(JSON.stringify(output)) } });
     });`,
    { eval: true, resourceLimits: { maxOldGenerationSizeMb: 256 } },
  );
  let next = 0;
  const inWorker = () =>
    new Promise<void>((resolve) => {
      const id = ++next;
      const onMessage = (message: { id: number }) => {
        if (message.id !== id) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.postMessage({ id, expression: EXPRESSION, input: teamcropOrder });
    });
  const thread = await perCall(inWorker);
  await worker.terminate();

  printRow('µs per call', child, thread, 'baseline: the worker thread it replaced');
  console.log(`  a fresh process loads and answers its first call in ${load.toFixed(0)} ms (after each overrun)`);
}

async function perCall(call: () => Promise<unknown>): Promise<number> {
  for (let n = 0; n < 20; n++) await call();
  const start = performance.now();
  for (let n = 0; n < CALLS; n++) await call();
  return ((performance.now() - start) * 1000) / CALLS;
}
