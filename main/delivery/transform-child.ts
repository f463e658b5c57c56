import { Worker } from 'node:worker_threads';
import { applyTransform } from './transform.js';

/**
 * Runs JSONata expressions for the engine in a process of its own (see
 * transform-runner.ts): an expression that never ends, eats memory, or makes
 * one allocation so large that V8 aborts, takes down only this process, which
 * the engine kills or sees die, and replaces. Jobs come one at a time.
 */
process.on('message', (job: { id: number; expression: string; input: unknown }) => {
  void applyTransform(job.expression, job.input).then((result) => process.send?.({ id: job.id, result }));
});
// The engine gone (stopped, crashed, killed), this process has no one to work for.
process.on('disconnect', () => process.exit(0));
// An expression that never ends starves this event loop, so the disconnect above would never be seen: a thread
// of its own checks every second that the engine is still the parent, and ends the process when it is not.
new Worker(
  `const parent = ${process.ppid};
   setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL'); }, 1000);`,
  { eval: true },
).unref();
// Loaded (JSONata included): from here on, a job's time is its own.
process.send?.('ready');
