import type { ForkOptions } from 'node:child_process';
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
