import { endWhenOrphaned } from '../lib/node-child.js';
import { applyTransform } from './transform.js';

/**
 * Runs JSONata expressions for the engine in a process of its own (see
 * transform-runner.ts and helper-process.ts): an expression that never ends, eats memory, or makes
 * one allocation so large that V8 aborts, takes down only this process, which
 * the engine kills or sees die, and replaces. Jobs come one at a time.
 */
process.on('message', ({ id, job }: { id: number; job: { expression: string; input: unknown } }) => {
  void applyTransform(job.expression, job.input).then((result) => process.send?.({ id, result }));
});
endWhenOrphaned();
// Loaded (JSONata included): from here on, a job's time is its own.
process.send?.('ready');
