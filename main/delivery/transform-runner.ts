import { Worker } from 'node:worker_threads';
import { type Said, said } from './said.js';
import type { TransformResult } from './transform.js';

export interface TransformLimits {
  /** Wall time one expression may take on one event. */
  timeMs: number;
  /** The worker's heap. */
  memoryMb: number;
}

/**
 * The heap must hold the largest single allocation JSONata allows (a range of 10,000,000 numbers, about 80 MB):
 * V8 terminates a worker that grows past its limit step by step, but one allocation far past it is fatal to the
 * whole process, worker limits or not.
 */
export const DEFAULT_TRANSFORM_LIMITS: TransformLimits = { timeMs: 1000, memoryMb: 256 };

interface Job {
  expression: string;
  input: unknown;
  resolve: (result: TransformResult) => void;
}

/**
 * JSONata expressions are the merchant's (or anyone's with the admin token) and
 * can loop forever or allocate without end, so none runs on the engine's event
 * loop: they run one at a time in a worker thread with a heap limit and a wall
 * time limit. An overrun kills that worker and fails that one evaluation with a
 * sentence; the next evaluation gets a fresh worker.
 */
export class TransformRunner {
  private worker: Worker | null = null;
  /** Workers that have loaded: a job's time counts from there, not from the thread's start-up. */
  private readonly ready = new WeakSet<Worker>();
  /** The job waiting for a fresh worker to load. */
  private whenReady: (() => void) | null = null;
  private readonly waiting: Job[] = [];
  private current: { id: number; job: Job; timer: NodeJS.Timeout | null } | null = null;
  private lastId = 0;
  private closed = false;

  constructor(
    private readonly script: URL | null,
    private readonly limits: TransformLimits = DEFAULT_TRANSFORM_LIMITS,
  ) {}

  run = (expression: string, input: unknown): Promise<TransformResult> => {
    if (this.closed) return Promise.resolve(refused(said('delivery.stopping')));
    if (!this.script) return Promise.resolve(refused(said('delivery.noWorker')));
    return new Promise((resolve) => {
      this.waiting.push({ expression, input, resolve });
      this.next();
    });
  };

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.resolve(refused(said('delivery.stopping')));
    const worker = this.worker;
    this.worker = null;
    if (this.current) this.settle(this.current.id, refused(said('delivery.stopping')));
    await worker?.terminate();
  }

  private next(): void {
    if (this.current || this.closed) return;
    const job = this.waiting.shift();
    if (!job) return;
    const id = ++this.lastId;
    this.current = { id, job, timer: null };
    const worker = this.worker ?? this.spawn();
    const post = () => {
      if (this.current?.id !== id) return;
      this.current.timer = setTimeout(
        () => this.overrun(refused(said('delivery.transformTooLong', { seconds: this.limits.timeMs / 1000 }))),
        this.limits.timeMs,
      );
      try {
        worker.postMessage({ id, expression: job.expression, input: job.input });
      } catch (error) {
        this.settle(
          id,
          refused(said('delivery.cannotHand', { message: error instanceof Error ? error.message : String(error) })),
        );
      }
    };
    if (this.ready.has(worker)) post();
    else this.whenReady = post;
  }

  private spawn(): Worker {
    const worker = new Worker(this.script!, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.memoryMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.floor(this.limits.memoryMb / 4)),
        stackSizeMb: 4,
      },
    });
    worker.unref();
    worker.on('message', (message: 'ready' | { id: number; result: TransformResult }) => {
      if (message !== 'ready') return this.settle(message.id, message.result);
      this.ready.add(worker);
      const post = this.whenReady;
      this.whenReady = null;
      if (this.worker === worker) post?.();
    });
    worker.on('error', (error: NodeJS.ErrnoException) => {
      if (this.worker !== worker) return;
      this.overrun(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refused(said('delivery.transformTooBig', { mb: this.limits.memoryMb }))
          : refused(said('delivery.transformStopped', { message: error.message })),
      );
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.overrun(refused(said('delivery.transformStopped', { message: 'the worker exited' })));
    });
    this.worker = worker;
    return worker;
  }

  private settle(id: number, result: TransformResult): void {
    if (this.current?.id !== id) return;
    if (this.current.timer) clearTimeout(this.current.timer);
    const { job } = this.current;
    this.current = null;
    job.resolve(result);
    this.next();
  }

  /** Kills the worker (a fresh one takes the next job) and fails the job it was running. */
  private overrun(result: TransformResult): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    if (this.current) this.settle(this.current.id, result);
  }
}

function refused(why: Said): TransformResult {
  return { ok: false, error: why.text, position: null, reason: why.reason };
}
