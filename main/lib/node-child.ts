import type { ForkOptions } from 'node:child_process';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';

/**
 * How the engine's helper processes (JSONata, large bodies) are started. In the desktop app the engine is an
 * Electron utility process, whose `process.execPath` is the Electron binary, not Node: `ELECTRON_RUN_AS_NODE=1`
 * makes that binary run the script as plain Node (Electron's "Environment variables" and "Fuses" docs; the
 * `runAsNode` fuse must stay enabled, see electron-builder.yml). Under Node it is ignored.
 */
export function nodeChildOptions(memoryMb: number, env: NodeJS.ProcessEnv): ForkOptions {
  return {
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    // The stack stays V8's default: a larger --stack-size than the OS gives the main thread (1 MB on Windows)
    // turns a deep recursion's clean RangeError into a crash.
    execArgv: [`--max-old-space-size=${memoryMb}`],
    // A V8 abort prints a long report to stderr; the reason is said in a sentence instead.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  };
}

/**
 * In a helper process: ends it once the engine is gone (stopped, crashed, killed). A job that never ends starves
 * the process's event loop, so `disconnect` would never be seen: a thread of its own checks every second that the
 * engine is still the parent, and ends the process when it is not.
 */
export function endWhenOrphaned(): void {
  process.on('disconnect', () => process.exit(0));
  new Worker(
    `const parent = ${process.ppid};
     setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL'); }, 1000);`,
    { eval: true },
  ).unref();
}

/**
 * What a helper process says to the engine (see HelperProcess): an answer only ever as bytes, packed with
 * `v8.serialize` in the process and read with `v8.deserialize` in the engine, where a failure is caught. The
 * channel's own reading of a message runs where nothing catches it: an answer holding an object 2,000 levels deep
 * (a preview's result) overflowed the engine's stack there, and the engine process died of it.
 *
 * A job goes the other way as it is: the channel's writing of it fails in the engine's `send`, where it is caught,
 * and the one job that can nest without bound (a preview's given body) is packed by its sender (TransformRunner).
 * Packing every job cost the engine's thread a second copy of each large body it hands over.
 */
export type ToHelper<Job> = { id: number; job: Job };
export type FromHelper =
  | 'ready'
  | { id: number; inputReady: true }
  | { id: number; packed: Uint8Array }
  /** Its answer could not be packed: why, in English. */
  | { id: number; unsendable: string };

/** The bytes of a value, or why it cannot be packed (nested too deep for the stack, a function). */
export function packed(value: unknown): { ok: true; bytes: Buffer } | { ok: false; why: string } {
  try {
    return { ok: true, bytes: serialize(value) };
  } catch (error) {
    return { ok: false, why: messageOf(error) };
  }
}

/** The value packed in `bytes`, or why it cannot be read. */
export function unpacked<T>(bytes: Uint8Array): { ok: true; value: T } | { ok: false; why: string } {
  try {
    return { ok: true, value: deserialize(bytes) as T };
  } catch (error) {
    return { ok: false, why: messageOf(error) };
  }
}

/**
 * In a helper process: runs `work` on each job the engine sends and answers it packed (see FromHelper); an answer
 * that cannot be packed is answered with why, never left without an answer.
 */
export function takeJobs<Job, Result>(work: (job: Job, id: number) => Result | Promise<Result>): void {
  process.on('message', ({ id, job }: ToHelper<Job>) => {
    void Promise.resolve(work(job, id)).then((result) => {
      const answer = packed(result);
      tell(answer.ok ? { id, packed: answer.bytes } : { id, unsendable: answer.why });
    });
  });
}

/** In a helper process: says something to the engine. */
export function tell(message: FromHelper): void {
  process.send?.(message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
