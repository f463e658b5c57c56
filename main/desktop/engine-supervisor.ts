import { FromEngine, type ToEngine } from '../api/engine-channel.js';
import { EXIT_DAMAGED_DATA } from '../lib/errors.js';

/**
 * What the supervisor needs of a running engine. The desktop app adapts
 * Electron's UtilityProcess to it (utility-engine.ts); the tests adapt a plain
 * Node child process running the same entry.
 */
export interface EngineProcess {
  readonly pid: number | undefined;
  postMessage(message: ToEngine): void;
  /** Ends the process at once (SIGKILL on POSIX): the deadline for a polite stop has passed. */
  terminate(): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
}

export type EngineReady = Extract<FromEngine, { type: 'ready' }>;

export type EngineState =
  | { phase: 'starting'; restarts: number }
  | { phase: 'running'; engine: EngineReady; restarts: number }
  | { phase: 'waiting'; restarts: number; retryInMs: number; reason: string }
  /** The engine refused to start for a reason a restart cannot mend (a damaged database): the user must act. */
  | { phase: 'failed'; reason: string }
  | { phase: 'stopped' };

export interface SupervisorOptions {
  spawn: () => EngineProcess;
  /** The data key, handed to every engine it starts. */
  dataKey: Buffer;
  onState: (state: EngineState) => void;
  /** First wait after a crash; doubles up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** After this long running, a crash counts as the first again. */
  stableAfterMs?: number;
  /** A polite stop that takes longer than this becomes a hard one. */
  stopDeadlineMs?: number;
}

/**
 * Runs the engine and keeps it running: hands it the key, reports its state,
 * restarts it with backoff when it dies (1 s, 2 s, 4 s … up to a minute) unless
 * it refused to start over damaged data, and on quit asks it to stop, ending it
 * after a deadline if it does not.
 */
export class EngineSupervisor {
  private child: EngineProcess | null = null;
  private restarts = 0;
  private startedAt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopping: Promise<void> | null = null;
  private lastFatal: string | null = null;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly stableAfterMs: number;
  private readonly stopDeadlineMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.initialBackoffMs = options.initialBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.stableAfterMs = options.stableAfterMs ?? 60_000;
    this.stopDeadlineMs = options.stopDeadlineMs ?? 10_000;
  }

  start(): void {
    if (this.stopping || this.child) return;
    this.retryTimer = null;
    this.lastFatal = null;
    this.options.onState({ phase: 'starting', restarts: this.restarts });
    const child = this.options.spawn();
    this.child = child;
    this.startedAt = Date.now();
    child.onMessage((data) => {
      const parsed = FromEngine.safeParse(data);
      if (!parsed.success || child !== this.child) return;
      if (parsed.data.type === 'ready')
        this.options.onState({ phase: 'running', engine: parsed.data, restarts: this.restarts });
      else this.lastFatal = parsed.data.message;
    });
    child.onExit((code) => this.exited(child, code));
    child.postMessage({ type: 'key', key: this.options.dataKey.toString('base64') });
  }

  /** Asks the engine to stop and waits; ends it after the deadline. No restart follows. */
  stop(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopping ??= new Promise<void>((resolve) => {
      const child = this.child;
      if (!child) {
        this.options.onState({ phase: 'stopped' });
        return resolve();
      }
      const deadline = setTimeout(() => child.terminate(), this.stopDeadlineMs);
      child.onExit(() => {
        clearTimeout(deadline);
        this.options.onState({ phase: 'stopped' });
        resolve();
      });
      child.postMessage({ type: 'stop' });
    });
    return this.stopping;
  }

  private exited(child: EngineProcess, code: number | null): void {
    if (child !== this.child) return;
    this.child = null;
    if (this.stopping) return;
    if (code === EXIT_DAMAGED_DATA) {
      this.options.onState({
        phase: 'failed',
        reason: this.lastFatal ?? 'Hookferry found its data damaged and did not start. The log file says more.',
      });
      return;
    }
    if (Date.now() - this.startedAt >= this.stableAfterMs) this.restarts = 0;
    const retryInMs = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** this.restarts);
    this.restarts++;
    const reason = this.lastFatal ?? `The engine stopped unexpectedly (exit code ${code ?? 'none'}).`;
    this.options.onState({ phase: 'waiting', restarts: this.restarts, retryInMs, reason });
    this.retryTimer = setTimeout(() => this.start(), retryInMs);
  }
}
