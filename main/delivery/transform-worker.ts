import { parentPort } from 'node:worker_threads';
import { applyTransform } from './transform.js';

/**
 * Runs JSONata expressions for the engine, off its event loop: an expression
 * that never ends or eats memory stalls only this thread, which the engine
 * kills (see transform-runner.ts). Jobs come one at a time.
 */
parentPort?.on('message', (job: { id: number; expression: string; input: unknown }) => {
  void applyTransform(job.expression, job.input).then((result) => parentPort?.postMessage({ id: job.id, result }));
});
// Loaded (JSONata included): from here on, a job's time is its own.
parentPort?.postMessage('ready');
