import { HelperProcess } from '../lib/helper-process.js';
import { per5MbOfLimit } from './body-shape.js';
import type { LargeBody, LargeBodyRead } from './large-body.js';
import { type Refusal, refusal } from './refusal.js';

export interface LargeBodyLimits {
  /** Wall time one body may take to read, per 5 MB of the body limit (as the parts allowed grow with it). */
  timeMsPer5Mb: number;
  /** The body process's heap. */
  memoryMb: number;
  /**
   * Bodies waiting for the process, counted in bodies as large as the body limit: four at the limit, or a few
   * hundred orders of tens of KB arriving together (a busy web shop's), wait; one more is answered 503 at once.
   */
  waiting: number;
}

/**
 * 5 MB of processing instructions (`<?a?>`, the dearest body found) took 5.3 s to read on the 2-core development
 * machine and 450 MB of heap; a Magento-like order of 100,000 elements 1.2 s. Bodies that take longer are refused.
 */
const DEFAULT_LIMITS: LargeBodyLimits = { timeMsPer5Mb: 5_000, memoryMb: 1024, waiting: 4 };

/**
 * The body process's limits. `HOOKFERRY_TEST_BODY_READ_MS` and `HOOKFERRY_TEST_BODY_MEMORY_MB` lower the time
 * and the heap so a test sees a body refused for each in a second; read here only, set only by tests.
 */
export function largeBodyLimits(env: NodeJS.ProcessEnv): LargeBodyLimits {
  const time = Number(env.HOOKFERRY_TEST_BODY_READ_MS);
  const memory = Number(env.HOOKFERRY_TEST_BODY_MEMORY_MB);
  return {
    timeMsPer5Mb: Number.isInteger(time) && time > 0 ? time : DEFAULT_LIMITS.timeMsPer5Mb,
    memoryMb: Number.isInteger(memory) && memory > 0 ? memory : DEFAULT_LIMITS.memoryMb,
    waiting: DEFAULT_LIMITS.waiting,
  };
}

/**
 * Reads bodies of LARGE_BODY_BYTES and more in a process of its own, one at a time: parsing one (and summarizing,
 * indexing and copying it) can take seconds (5.3 s for the dearest body under the 5 MB limit), and on the engine's
 * thread that held every other request and every delivery for as long. Small bodies, what a POS sends one order at a
 * time, are read in the engine as before: a trip to the process would cost them more than their parse.
 *
 * A process, not a worker thread: what a parse allocates grows with the body far past any heap we could give it
 * (450 MB for 5 MB of `<?a?>`, 20 times that under the 100 MB limit), and V8 ends the whole process, worker or
 * not, when one allocation (a body's text, an array doubling) cannot be met past a heap's limit; a worker thread
 * parsing 105 MB of nested arrays also ran past two minutes without reaching its limit. A process that runs out of
 * heap or time is killed or dies alone, the body is refused with a sentence, and the next body gets a fresh one.
 */
export class LargeBodyReader {
  private readonly helper: HelperProcess<{ read: LargeBody }, LargeBodyRead>;

  constructor(
    script: URL | null,
    private readonly limits: LargeBodyLimits = DEFAULT_LIMITS,
  ) {
    const failed = (refused: Refusal): LargeBodyRead => ({ ok: false, refusal: refused });
    const stopped = (problem: string) => failed(refusal(503, 'intake.readerStopped', { problem, seconds: 5 }));
    this.helper = new HelperProcess(
      script,
      limits.memoryMb,
      {
        unavailable: () => stopped('there is no body process (development run)'),
        closing: () => stopped('Hookferry is stopping'),
        tooLong: (seconds) => failed(refusal(400, 'intake.tooLongToRead', { seconds })),
        tooBig: (mb) => failed(refusal(413, 'intake.tooBigToRead', { mb })),
        cannotHand: (message) => stopped(message),
        cannotRead: (message) => stopped(message),
        stopped: (message) => stopped(message),
      },
      {
        max: limits.waiting,
        busy: (waiting) => failed(refusal(503, 'intake.readerBusy', { count: waiting + 1, seconds: 5 })),
      },
    );
  }

  /** Without the built process script (`npm run dev`), large bodies are read in the engine. */
  get available(): boolean {
    return this.helper.available;
  }

  read(body: LargeBody, bodyLimitBytes: number): Promise<LargeBodyRead> {
    return this.helper.run({ read: body }, per5MbOfLimit(this.limits.timeMsPer5Mb, bodyLimitBytes), {
      weight: body.raw.byteLength / bodyLimitBytes,
    });
  }

  close(): Promise<void> {
    return this.helper.close();
  }
}
