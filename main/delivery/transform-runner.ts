import { type ChildProcess, fork, type ForkOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
 * How the transformation process is started. In the desktop app the engine is an
 * Electron utility process, whose `process.execPath` is the Electron binary, not
 * Node: `ELECTRON_RUN_AS_NODE=1` makes that binary run the script as plain Node
 * (Electron's "Environment variables" and "Fuses" docs; the `runAsNode` fuse must
 * stay enabled, see electron-builder.yml). Under Node it is ignored.
 */
export function transformProcessOptions(limits: TransformLimits, env: NodeJS.ProcessEnv): ForkOptions {
  return {
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    // The stack stays V8's default: a larger --stack-size than the OS gives the main thread (1 MB on Windows)
    // turns a deep recursion's clean RangeError into a crash.
    execArgv: [`--max-old-space-size=${limits.memoryMb}`],
    // A V8 abort prints a long report to stderr; the reason is said in a sentence instead.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  };
}

interface Job {
  expression: string;
  input: unknown;
  resolve: (result: TransformResult) => void;
}

/**
 * JSONata expressions are the merchant's (or anyone's with the admin token) and
 * can loop forever or allocate without end, so none runs in the engine: they run
 * one at a time in a child process with its own heap limit, under a wall time
 * limit. A worker thread is not enough: V8 aborts the whole process on one
 * allocation far past a heap's limit (`$pad("", 300000000)`), worker or not.
 * An overrun kills that process, or it dies of it, and fails that one evaluation
 * with a sentence; the next evaluation gets a fresh process.
 */
export class TransformRunner {
  private child: ChildProcess | null = null;
  /** Processes that have loaded: a job's time counts from there, not from the process's start-up. */
  private readonly ready = new WeakSet<ChildProcess>();
  /** The job waiting for a fresh process to load. */
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
    const child = this.child;
    this.child = null;
    if (this.current) this.settle(this.current.id, refused(said('delivery.stopping')));
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.ref();
      child.kill('SIGKILL');
      await exited;
    }
  }

  private next(): void {
    if (this.current || this.closed) return;
    const job = this.waiting.shift();
    if (!job) return;
    const id = ++this.lastId;
    this.current = { id, job, timer: null };
    const child = this.child ?? this.spawn();
    child.ref();
    const post = () => {
      if (this.current?.id !== id) return;
      this.current.timer = setTimeout(
        () => this.overrun(refused(said('delivery.transformTooLong', { seconds: this.limits.timeMs / 1000 }))),
        this.limits.timeMs,
      );
      try {
        child.send({ id, expression: job.expression, input: job.input });
      } catch (error) {
        this.settle(
          id,
          refused(said('delivery.cannotHand', { message: error instanceof Error ? error.message : String(error) })),
        );
      }
    };
    if (this.ready.has(child)) post();
    else this.whenReady = post;
  }

  private spawn(): ChildProcess {
    const child = fork(fileURLToPath(this.script!), [], transformProcessOptions(this.limits, process.env));
    // Keeps the engine alive only while it has a job (see next and settle).
    child.unref();
    child.channel?.unref();
    child.on('message', (message: 'ready' | { id: number; result: TransformResult }) => {
      if (message !== 'ready') return this.settle(message.id, message.result);
      this.ready.add(child);
      const post = this.whenReady;
      this.whenReady = null;
      if (this.child === child) post?.();
    });
    child.on('error', (error) => {
      if (this.child !== child) return;
      this.overrun(refused(said('delivery.transformStopped', { message: error.message })));
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      // V8 aborts (SIGABRT, or SIGTRAP) when the heap cannot grow; the OS's out-of-memory killer sends SIGKILL.
      this.overrun(
        signal === 'SIGABRT' || signal === 'SIGTRAP' || signal === 'SIGKILL'
          ? refused(said('delivery.transformTooBig', { mb: this.limits.memoryMb }))
          : refused(said('delivery.transformStopped', { message: `its process ended (${signal ?? `code ${code}`})` })),
      );
    });
    this.child = child;
    return child;
  }

  private settle(id: number, result: TransformResult): void {
    if (this.current?.id !== id) return;
    if (this.current.timer) clearTimeout(this.current.timer);
    this.child?.unref();
    const { job } = this.current;
    this.current = null;
    job.resolve(result);
    this.next();
  }

  /** Kills the process (a fresh one takes the next job) and fails the job it was running. */
  private overrun(result: TransformResult): void {
    const child = this.child;
    this.child = null;
    child?.kill('SIGKILL');
    if (this.current) this.settle(this.current.id, result);
  }
}

function refused(why: Said): TransformResult {
  return { ok: false, error: why.text, position: null, reason: why.reason };
}
