import { LARGE_BODY_BYTES } from '../intake/large-body.js';
import { HelperLanes } from '../lib/helper-lanes.js';
import { packed } from '../lib/node-child.js';
import type { JobTerms } from '../lib/helper-process.js';
import type { StoredBody } from '../store/body-format.js';
import { bodyWorkMs } from './body-runner.js';
import { type Said, said } from './said.js';
import { CheckedExpressions, refusal } from './checked-expressions.js';
import { InvalidInputError } from '../lib/errors.js';
import type { ExpressionProblem, TransformFailure, TransformText } from './transform.js';

/** What an expression is applied to: a value (a preview's given body, the test sample), or a body as stored. */
export type TransformInput = { value: unknown } | { stored: StoredBody };

/** A stored body goes to the process as it is stored, to be parsed there. */
export function transformInput(event: { parsed: unknown; stored: StoredBody | null }): TransformInput {
  return event.stored ? { stored: event.stored } : { value: event.parsed };
}

/**
 * A value crosses to the process packed (see FromHelper), read there where a failure is caught: a preview's given
 * body can nest deeper than the channel reads, and the process died reading it (twice, as a job is run again once).
 */
export type CrossingInput = { packed: Uint8Array } | { stored: StoredBody };

export type TransformJob =
  | {
      expression: string;
      input: CrossingInput;
      /** A preview's: refused past MAX_PREVIEW_NESTING (see previewText). */
      preview: boolean;
    }
  /** Compile only, and say what is wrong with the expression (see checked-expressions.ts). */
  | { check: string };

export type TransformAnswer = TransformText | { ok: true; problem: ExpressionProblem | null };

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
 * Previews and checks waiting for the people's process beside the one it runs (see HelperLanes): a merchant typing
 * in the preview box makes one at a pause.
 */
const PEOPLE_WAITING = 8;

/**
 * JSONata expressions are the merchant's (or anyone's with the admin token) and
 * can loop forever or allocate without end, so none runs in the engine: they run
 * one at a time in a child process with its own heap limit, under a wall time
 * limit (see HelperProcess). A worker thread is not enough: V8 aborts the whole
 * process on one allocation far past a heap's limit (`$pad("", 300000000)`),
 * worker or not. An overrun kills that process, or it dies of it, and fails that
 * one evaluation with a sentence; the next evaluation gets a fresh process.
 *
 * Two lanes (see HelperLanes): deliveries and test events in one, what a person waits on (a preview, the check of
 * an expression being saved) in the other; a preview that takes its full time, or a loop of them, held back every
 * order whose destination transforms when they shared one. In the deliveries' lane each destination's jobs wait
 * apart and the process is shared between destinations by the time each uses (see FairLine): one destination's
 * expression that loops holds another's deliveries back by the one job running, not by its whole backlog.
 */
export class TransformRunner {
  private readonly lanes: HelperLanes<TransformJob, TransformAnswer>;

  constructor(
    script: URL | null,
    private readonly limits: TransformLimits = DEFAULT_TRANSFORM_LIMITS,
    /** The time a large stored body may take to parse (see bodyWorkMs; a test shortens it). */
    private readonly bodyTime: (bytes: number) => number = bodyWorkMs,
  ) {
    const failures = (bodyTooLong: (seconds: number) => TransformFailure) => ({
      unavailable: () => refused(said('delivery.noWorker')),
      closing: () => refused(said('delivery.stopping')),
      tooLong: (seconds: number, preparing: boolean) =>
        preparing ? bodyTooLong(seconds) : refused(said('delivery.transformTooLong', { seconds })),
      tooBig: (mb: number) => refused(said('delivery.transformTooBig', { mb })),
      cannotHand: (message: string) => refused(said('delivery.cannotHand', { message })),
      cannotRead: (message: string) => refused(said('delivery.transformUnreadable', { message })),
      stopped: (message: string) => refused(said('delivery.transformStopped', { message })),
    });
    // A large body not parsed in its time says nothing of the expression nor of the body (see DeliveryBodies): the
    // delivery is tried again later, the preview asked for again.
    this.lanes = new HelperLanes<TransformJob, TransformAnswer>(
      script,
      limits.memoryMb,
      {
        deliveries: failures((seconds) => ({ ...refused(said('delivery.bodyBusy', { seconds })), busy: true })),
        people: failures((seconds) => refused(said('preview.bodyBusy', { seconds }))),
      },
      { max: PEOPLE_WAITING, busy: (waiting) => refused(said('preview.busy', { count: waiting + 1 })) },
    );
  }

  /** A preview's, in the lane of what people wait on: the output written as JSON, never read in the engine. */
  run = async (expression: string, input: TransformInput): Promise<TransformText> => {
    const crossing = crossingOf(input);
    if ('refused' in crossing) return crossing.refused;
    const [timeMs, terms] = this.timesFor(input);
    const job = { expression, input: crossing, preview: true };
    return (await this.lanes.people.run(job, timeMs, terms)) as TransformText;
  };

  /** A delivery's (or a test event's) for the destination `destinationId`, in the deliveries' own lane. */
  text = async (expression: string, input: TransformInput, destinationId: string): Promise<TransformText> => {
    const crossing = crossingOf(input);
    if ('refused' in crossing) return crossing.refused;
    const [timeMs, terms] = this.timesFor(input);
    const job = { expression, input: crossing, preview: false };
    return (await this.lanes.deliveries.run(job, timeMs, { ...terms, whose: destinationId })) as TransformText;
  };

  /**
   * Compiles each expression in the process and says what is wrong with each (see checked-expressions.ts); the
   * engine never compiles one itself. An expression that the process could not finish reading in its time or
   * memory is refused as too long; when the process cannot check at all (the previews waiting fill its lane,
   * Hookferry is stopping, there is no process), nothing is saved and the answer says why.
   */
  async check(expressions: readonly string[]): Promise<CheckedExpressions> {
    const answers = new Map<string, ExpressionProblem | null>();
    for (const expression of new Set(expressions)) {
      // Ahead of the previews waiting: a person is saving, and the expression may fix one that stops every event.
      const answer = await this.lanes.people.run({ check: expression }, CHECK_MS, { first: true });
      if ('problem' in answer) answers.set(expression, answer.problem);
      else if (!answer.ok) answers.set(expression, unfinishedCheck(answer));
    }
    return new CheckedExpressions(answers);
  }

  /**
   * A large stored body is parsed in the process, before the expression runs: it is given the time a body that size
   * may take to prepare, and the expression its own from when the body is ready. A smaller input (a value, a small
   * body) has the expression's time alone, as its parse costs next to nothing.
   */
  private timesFor(input: TransformInput): [number, JobTerms] {
    const bytes = 'stored' in input ? (input.stored.body?.byteLength ?? 0) : 0;
    return bytes >= LARGE_BODY_BYTES
      ? [this.bodyTime(bytes), { thenMs: this.limits.timeMs }]
      : [this.limits.timeMs, {}];
  }

  async close(): Promise<void> {
    await this.lanes.close();
  }
}

/** The expression's own doing, under its field; else the process's sentence for the whole request. */
function unfinishedCheck(failure: TransformFailure): ExpressionProblem {
  const { code, params } = failure.reason;
  if (code === 'delivery.transformTooLong')
    return refusal('transformCheckTooLong', { seconds: Number(params.seconds) });
  if (code === 'delivery.transformTooBig') return refusal('transformCheckTooBig', { mb: Number(params.mb) });
  throw new InvalidInputError({ text: failure.error, reason: failure.reason });
}

/** How an input crosses to the process: a value packed, or why it cannot be (nested too deep to write). */
function crossingOf(input: TransformInput): CrossingInput | { refused: TransformFailure } {
  if ('stored' in input) return input;
  const value = packed(input.value);
  return value.ok ? { packed: value.bytes } : { refused: refused(said('delivery.cannotHand', { message: value.why })) };
}

function refused(why: Said): TransformFailure {
  return { ok: false, error: why.text, position: null, reason: why.reason };
}
