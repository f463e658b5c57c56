import { takeJobs, tell, endWhenOrphaned } from '../lib/node-child.js';
import { parsedOf } from '../store/body-format.js';
import { unpreparable, withBuffer } from './body-work.js';
import type { TransformAnswer, TransformJob } from './transform-runner.js';
import { expressionProblem, previewText, transformToText } from './transform.js';

/**
 * Runs JSONata expressions for the engine in a process of its own (see
 * transform-runner.ts and helper-process.ts): an expression that never ends, eats memory, or makes
 * one allocation so large that V8 aborts, takes down only this process, which
 * the engine kills or sees die, and replaces. Jobs come one at a time.
 */
takeJobs(run);

/**
 * A stored body is parsed here, not in the engine: a large one took the engine's thread for seconds. Once it is,
 * the engine is told, and the expression's own time starts (see TransformRunner).
 */
async function run(job: TransformJob, id: number): Promise<TransformAnswer> {
  if ('check' in job) return { ok: true, problem: expressionProblem(job.check) };
  let input: unknown;
  try {
    input = 'stored' in job.input ? parsedOf(withBuffer(job.input.stored)) : job.input.value;
  } catch (error) {
    const why = unpreparable(error);
    return { ok: false, error: why.text, position: null, reason: why.reason };
  }
  if ('stored' in job.input) tell({ id, inputReady: true });
  return job.preview ? previewText(job.expression, input) : transformToText(job.expression, input);
}
endWhenOrphaned();
// Loaded (JSONata included): from here on, a job's time is its own.
tell('ready');
