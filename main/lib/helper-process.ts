import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FairLine } from './fair-line.js';
import { type FromHelper, nodeChildOptions, type ToHelper, unpacked } from './node-child.js';

/** What a job becomes when its process could not do it; each side words these its own way. */
export interface HelperFailures<Result> {
  /** No script to run (the sources run under `npm run dev`, whose loader does not reach child processes). */
  unavailable: () => Result;
  closing: () => Result;
  /** `preparing`: the job ran out of the time for its input, before its process said the input was ready. */
  tooLong: (seconds: number, preparing: boolean) => Result;
  /** The process died of its heap limit, or the OS killed it for its memory. */
  tooBig: (mb: number) => Result;
  cannotHand: (message: string) => Result;
  /** The process answered, but its answer could not be packed there or read here (see FromHelper). */
  cannotRead: (message: string) => Result;
  stopped: (message: string) => Result;
}

/** How a job waits and what it may take (see HelperProcess.run). */
export interface JobTerms {
  /** What it weighs against the jobs waiting's bound; 1 unless told. */
  weight?: number;
  /** For a person waiting on it (a save, a preview): ahead of the jobs already waiting. */
  first?: boolean;
  /** The job's own time, from when its process says its input is ready (`{ id, inputReady: true }`). */
  thenMs?: number | null;
  /** Whose job it is (a destination's id): the process is shared between them by the time each uses (FairLine). */
  whose?: string;
}

interface Job<Input, Result> {
  input: Input;
  timeMs: number;
  thenMs: number | null;
  weight: number;
  whose: string;
  resolve: (result: Result) => void;
  /** Its process ended under it once already, not of its own heap limit. */
  rerun?: boolean;
}

/**
 * Runs jobs one at a time in a Node process of its own (`script`, which takes each job and answers it through
 * takeJobs, and says `ready` once loaded; an answer crosses packed as bytes, see FromHelper), with its own heap limit and a wall time per job. A job that overruns
 * kills the process, one that exhausts the heap dies with it; either way only that job fails, with a sentence, and
 * the next gets a fresh process. A worker thread is not enough for work that can allocate without bound: V8 aborts
 * the whole process on one allocation far past a heap's limit, worker or not.
 *
 * Jobs wait in a FairLine by whose they are: one whose jobs take their whole time (an expression that loops) holds
 * back another's by at most the one job running, not by everything it has waiting.
 */
export class HelperProcess<Input, Result> {
  private child: ChildProcess | null = null;
  /** Processes that have loaded: a job's time counts from there, not from the process's start-up. */
  private readonly ready = new WeakSet<ChildProcess>();
  /** The job waiting for a fresh process to load. */
  private whenReady: (() => void) | null = null;
  private readonly waiting = new FairLine<Job<Input, Result>>();
  private current: {
    id: number;
    job: Job<Input, Result>;
    timer: NodeJS.Timeout | null;
    preparing: boolean;
    /** When it was handed to a loaded process: a fresh process's loading is not the job's time. */
    postedAt: number | null;
  } | null = null;
  private lastId = 0;
  private closed = false;

  constructor(
    private readonly script: URL | null,
    private readonly memoryMb: number,
    private readonly failures: HelperFailures<Result>,
    /**
     * The jobs waiting weigh at most `max` together (each its `weight`, 1 unless told); one more is answered `busy`
     * at once. Unbounded without it.
     */
    private readonly queue: { max: number; busy: (waiting: number) => Result } | null = null,
  ) {}

  /** Whether jobs run at all: without the built script every job fails as `unavailable`. */
  get available(): boolean {
    return this.script !== null;
  }

  /**
   * With `thenMs`, the job has `timeMs` to get its input ready (parse a stored body), then `thenMs` of its own from
   * when the process says so: running out of the first is the machine's doing (a busy PC), of the second the job's.
   */
  run(input: Input, timeMs: number, terms: JobTerms = {}): Promise<Result> {
    const { weight = 1, first = false, thenMs = null, whose = '' } = terms;
    if (this.closed) return Promise.resolve(this.failures.closing());
    if (!this.script) return Promise.resolve(this.failures.unavailable());
    if (this.queue && this.waitingWeight() + weight > this.queue.max)
      return Promise.resolve(this.queue.busy(this.waiting.size));
    return new Promise((resolve) => {
      const job = { input, timeMs, thenMs, weight, whose, resolve };
      if (first) this.waiting.putFirst(job);
      else this.waiting.push(job);
      this.next();
    });
  }

  private waitingWeight(): number {
    let weight = 0;
    for (const job of this.waiting) weight += job.weight;
    return weight;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.clear()) job.resolve(this.failures.closing());
    const child = this.child;
    this.child = null;
    if (this.current) this.settle(this.current.id, this.failures.closing());
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.ref();
      child.kill('SIGKILL');
      await exited;
    }
  }

  private next(): void {
    if (this.current || this.closed) return;
    const job = this.waiting.take();
    if (!job) return;
    const id = ++this.lastId;
    this.current = { id, job, timer: null, preparing: job.thenMs !== null, postedAt: null };
    const child = this.child ?? this.spawn();
    child.ref();
    const post = () => {
      if (this.current?.id !== id) return;
      this.current.postedAt = Date.now();
      this.arm(job.timeMs);
      try {
        child.send({ id, job: job.input } satisfies ToHelper<Input>);
      } catch (error) {
        this.settle(id, this.failures.cannotHand(error instanceof Error ? error.message : String(error)));
      }
    };
    if (this.ready.has(child)) post();
    else this.whenReady = post;
  }

  private spawn(): ChildProcess {
    const child = fork(fileURLToPath(this.script!), [], nodeChildOptions(this.memoryMb, process.env));
    // Keeps the engine alive only while it has a job (see next and settle).
    child.unref();
    child.channel?.unref();
    child.on('message', (message: FromHelper) => {
      if (message !== 'ready') return this.answered(message);
      this.ready.add(child);
      const post = this.whenReady;
      this.whenReady = null;
      if (this.child === child) post?.();
    });
    child.on('error', (error) => {
      if (this.child !== child) return;
      this.overrun(this.failures.stopped(error.message));
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      // V8 aborts when the heap cannot grow: SIGABRT (or SIGTRAP); on Windows, abort's exit code 3.
      if (signal === 'SIGABRT' || signal === 'SIGTRAP' || (process.platform === 'win32' && code === 3))
        return this.overrun(this.failures.tooBig(this.memoryMb));
      // Ended from outside (SIGKILL from a person, another program, or the OS short of memory; on Windows, an exit
      // code): not the job's doing, so it runs again in a fresh process, once, rather than fail as too big (a
      // delivery failed for good, an order answered 413).
      const job = this.current?.job;
      if (job && !job.rerun) return this.again(job);
      this.overrun(this.failures.stopped(`its process was ended (${signal ?? `code ${code}`})`));
    });
    this.child = child;
    return child;
  }

  /** The current job's time, from now: running out of it kills the process and fails the job. */
  private arm(ms: number): void {
    const current = this.current!;
    if (current.timer) clearTimeout(current.timer);
    current.timer = setTimeout(() => this.overrun(this.failures.tooLong(ms / 1000, current.preparing)), ms);
  }

  /** What the process said of a job: its answer, read here where a failure is caught (see FromHelper), or why not. */
  private answered(message: Exclude<FromHelper, 'ready'>): void {
    if ('inputReady' in message) return this.inputReady(message.id);
    if ('unsendable' in message) return this.settle(message.id, this.failures.cannotRead(message.unsendable));
    const answer = unpacked<Result>(message.packed);
    this.settle(message.id, answer.ok ? answer.value : this.failures.cannotRead(answer.why));
  }

  private inputReady(id: number): void {
    const current = this.current;
    if (current?.id !== id || !current.preparing || current.job.thenMs === null) return;
    current.preparing = false;
    this.arm(current.job.thenMs);
  }

  private settle(id: number, result: Result): void {
    if (this.current?.id !== id) return;
    if (this.current.timer) clearTimeout(this.current.timer);
    this.child?.unref();
    const { job, postedAt } = this.current;
    this.current = null;
    if (postedAt !== null) this.waiting.charge(job.whose, Date.now() - postedAt);
    job.resolve(result);
    this.next();
  }

  /** The current job, first in line again for a fresh process. */
  private again(job: Job<Input, Result>): void {
    this.child = null;
    this.whenReady = null;
    if (this.current?.timer) clearTimeout(this.current.timer);
    this.current = null;
    this.waiting.putFirst({ ...job, rerun: true });
    this.next();
  }

  /** Kills the process (a fresh one takes the next job) and fails the job it was running. */
  private overrun(result: Result): void {
    const child = this.child;
    this.child = null;
    child?.kill('SIGKILL');
    if (this.current) this.settle(this.current.id, result);
  }
}
