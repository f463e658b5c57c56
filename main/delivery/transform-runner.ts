import { HelperProcess } from '../lib/helper-process.js';
import { type Said, said } from './said.js';
import type { TransformResult } from './transform.js';

export interface TransformLimits {
  /** Wall time one expression may take on one event. */
  timeMs: number;
  /** The transformation process's heap. */
  memoryMb: number;
}

export const DEFAULT_TRANSFORM_LIMITS: TransformLimits = { timeMs: 1000, memoryMb: 256 };

/**
 * JSONata expressions are the merchant's (or anyone's with the admin token) and
 * can loop forever or allocate without end, so none runs in the engine: they run
 * one at a time in a child process with its own heap limit, under a wall time
 * limit (see HelperProcess). A worker thread is not enough: V8 aborts the whole
 * process on one allocation far past a heap's limit (`$pad("", 300000000)`),
 * worker or not. An overrun kills that process, or it dies of it, and fails that
 * one evaluation with a sentence; the next evaluation gets a fresh process.
 */
export class TransformRunner {
  private readonly helper: HelperProcess<{ expression: string; input: unknown }, TransformResult>;

  constructor(
    script: URL | null,
    private readonly limits: TransformLimits = DEFAULT_TRANSFORM_LIMITS,
  ) {
    this.helper = new HelperProcess(script, limits.memoryMb, {
      unavailable: () => refused(said('delivery.noWorker')),
      closing: () => refused(said('delivery.stopping')),
      tooLong: (seconds) => refused(said('delivery.transformTooLong', { seconds })),
      tooBig: (mb) => refused(said('delivery.transformTooBig', { mb })),
      cannotHand: (message) => refused(said('delivery.cannotHand', { message })),
      stopped: (message) => refused(said('delivery.transformStopped', { message })),
    });
  }

  run = (expression: string, input: unknown): Promise<TransformResult> =>
    this.helper.run({ expression, input }, this.limits.timeMs);

  close(): Promise<void> {
    return this.helper.close();
  }
}

function refused(why: Said): TransformResult {
  return { ok: false, error: why.text, position: null, reason: why.reason };
}
