import { endWhenOrphaned, takeJobs, tell, unpacked } from '../lib/node-child.js';
import { parsedOf } from '../store/body-format.js';
import { unpreparable, withBuffer } from './body-work.js';
import { type Said, said } from './said.js';
import type { CrossingInput, TransformAnswer, TransformJob } from './transform-runner.js';
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
  const input = inputOf(job.input);
  if (!input.ok) return { ok: false, error: input.why.text, position: null, reason: input.why.reason };
  if ('stored' in job.input) tell({ id, inputReady: true });
  return job.preview ? previewText(job.expression, input.value) : transformToText(job.expression, input.value);
}

/** A value read where a failure is caught (a given body nested too deep to read), a stored body parsed. */
function inputOf(input: CrossingInput): { ok: true; value: unknown } | { ok: false; why: Said } {
  if ('packed' in input) {
    const value = unpacked(input.packed);
    return value.ok ? value : { ok: false, why: said('delivery.cannotHand', { message: value.why }) };
  }
  try {
    return { ok: true, value: parsedOf(withBuffer(input.stored)) };
  } catch (error) {
    return { ok: false, why: unpreparable(error) };
  }
}
endWhenOrphaned();
// Loaded (JSONata included): from here on, a job's time is its own.
tell('ready');
