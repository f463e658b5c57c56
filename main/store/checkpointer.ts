import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Often, so each checkpoint has little to copy and the WAL stays small under a flood (see checkpoint-worker.ts). */
const CHECKPOINT_EVERY_MS = 200;

/** Starts the checkpoint worker (see checkpoint-worker.ts) for one database file. */
export function startCheckpointer(
  workerScript: URL,
  file: string,
  log: Logger,
  intervalMs = CHECKPOINT_EVERY_MS,
): Checkpointer {
  const worker = new Worker(workerScript, { workerData: { file, intervalMs } });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) log.warn({ err: message.error }, 'WAL checkpoint failed; it will be tried again');
  });
  worker.on('error', (error) => log.error({ err: error }, 'the checkpoint worker stopped'));
  worker.unref();
  return {
    async stop() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}
