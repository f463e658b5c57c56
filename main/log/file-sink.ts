import type pino from 'pino';
import { isFull } from '../lib/disk.js';

/** How often a failed log file looks for room. */
const RETRY_MS = 2_000;

type Transport = ReturnType<typeof pino.transport>;

/**
 * Where log lines go on their way to the log file, so that a file that cannot
 * be written (a full disk) never takes the engine down. The file is written by
 * a pino transport (a worker thread); when it fails, the sink lets it go, says
 * so once, and counts the lines it drops. Every few seconds it looks for free
 * space; once there is room it opens a new transport and hands over how many
 * lines were dropped, for the log to say.
 */
export class FileSink {
  private transport: Transport | null;
  private dropped = 0;

  constructor(
    private readonly open: () => Transport,
    /** A folder on the log's disk, to look for room in. */
    private readonly folder: string,
    private readonly restored: (dropped: number) => void,
  ) {
    this.transport = this.start();
  }

  write(line: string): void {
    if (this.transport) this.transport.write(line);
    else this.dropped += 1;
  }

  flush(callback?: (error?: Error) => void): void {
    if (this.transport) this.transport.flush(callback);
    else callback?.();
  }

  private start(): Transport {
    const transport = this.open();
    transport.on('error', (error: NodeJS.ErrnoException) => this.failed(transport, error));
    return transport;
  }

  private failed(transport: Transport, error: NodeJS.ErrnoException): void {
    // A transport already let go keeps failing every write sent before it was let go: nothing more to do.
    if (this.transport !== transport) return;
    this.transport = null;
    console.error(
      `Hookferry cannot write its log file (${error.code ?? error.message}); log lines are dropped and counted until there is room again, everything else goes on. Free some disk space.`,
    );
    const retry = setInterval(() => {
      if (isFull(this.folder)) return;
      clearInterval(retry);
      const dropped = this.dropped;
      this.dropped = 0;
      this.transport = this.start();
      this.restored(dropped);
    }, RETRY_MS).unref();
  }
}
