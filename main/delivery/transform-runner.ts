import { LARGE_BODY_BYTES } from '../intake/large-body.js';
import { HelperProcess } from '../lib/helper-process.js';
import type { StoredBody } from '../store/body-format.js';
import { bodyWorkMs } from './body-runner.js';
import { type Said, said } from './said.js';
import { rememberChecked } from './checked-expressions.js';
import type { ExpressionProblem, TransformFailure, TransformResult, TransformText } from './transform.js';

/** What an expression is applied to: a value (a preview's given body, the test sample), or a body as stored. */
export type TransformInput = { value: unknown } | { stored: StoredBody };

/** A stored body goes to the process as it is stored, to be parsed there. */
export function transformInput(event: { parsed: unknown; stored: StoredBody | null }): TransformInput {
  return event.stored ? { stored: event.stored } : { value: event.parsed };
}

export type TransformJob =
  | {
      expression: string;
      input: TransformInput;
      /** Answer the output written as JSON (what a delivery sends) rather than the value. */
      text: boolean;
    }
  /** Compile only, and say what is wrong with the expression (see checked-expressions.ts). */
  | { check: string };

export type TransformAnswer = TransformResult | TransformText | { ok: true; problem: ExpressionProblem | null };

/**
 * The time an expression may take to compile: at the contract's 20,000 characters JSONata takes up to 0.5 s on a
 * busy two-core machine (it is slower than linear in a path's steps).
 */
const CHECK_MS = 5000;

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
  private readonly helper: HelperProcess<TransformJob, TransformAnswer>;

  constructor(
    script: URL | null,
    private readonly limits: TransformLimits = DEFAULT_TRANSFORM_LIMITS,
  ) {
    this.helper = new HelperProcess<TransformJob, TransformAnswer>(script, limits.memoryMb, {
      unavailable: () => refused(said('delivery.noWorker')),
      closing: () => refused(said('delivery.stopping')),
      tooLong: (seconds) => refused(said('delivery.transformTooLong', { seconds })),
      tooBig: (mb) => refused(said('delivery.transformTooBig', { mb })),
      cannotHand: (message) => refused(said('delivery.cannotHand', { message })),
      stopped: (message) => refused(said('delivery.transformStopped', { message })),
    });
  }

  /** A preview's: ahead of deliveries, whose expression may take its full time on each of them. */
  run = (expression: string, input: TransformInput): Promise<TransformResult> =>
    this.helper.run({ expression, input, text: false }, this.timeFor(input), 1, true) as Promise<TransformResult>;

  text = (expression: string, input: TransformInput): Promise<TransformText> =>
    this.helper.run({ expression, input, text: true }, this.timeFor(input)) as Promise<TransformText>;

  /**
   * Compiles each expression in the process, so the engine's own check when a destination is saved
   * (see checked-expressions.ts) finds the answer instead of compiling there; one that cannot be checked here
   * (no process, or it failed) is left to that check.
   */
  async check(expressions: (string | null | undefined)[]): Promise<void> {
    for (const expression of new Set(expressions)) {
      if (!expression?.trim()) continue;
      // Ahead of deliveries: the expression being saved may be the fix for one that stops at every event.
      const answer = await this.helper.run({ check: expression }, CHECK_MS, 1, true);
      if ('problem' in answer) rememberChecked(expression, answer.problem);
    }
  }

  /**
   * A stored body is parsed in the process, before the expression runs: a large one is given the time a body
   * that size may take to prepare (see bodyWorkMs) besides the expression's own.
   */
  private timeFor(input: TransformInput): number {
    const bytes = 'stored' in input ? (input.stored.body?.byteLength ?? 0) : 0;
    return this.limits.timeMs + (bytes >= LARGE_BODY_BYTES ? bodyWorkMs(bytes) : 0);
  }

  close(): Promise<void> {
    return this.helper.close();
  }
}

function refused(why: Said): TransformFailure {
  return { ok: false, error: why.text, position: null, reason: why.reason };
}
