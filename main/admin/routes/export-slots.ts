import type { ServerResponse } from 'node:http';

/**
 * How many exports run at once. An export reads pages of stored bodies and writes them out on the engine's thread,
 * the thread that answers the POS: nine at once held an order's answer up to 8.5 s, and each one a client stopped
 * reading held its page and buffers (18 MB) for as long as the connection stayed open. Two let the shopkeeper's
 * download and one other (a backup script, a second tab) run side by side; a third is asked to wait.
 */
export const EXPORTS_AT_ONCE = 2;

/** How long an export past the limit is told to wait before asking again (`Retry-After`); it may be told again. */
export const EXPORT_RETRY_SECONDS = 30;

/**
 * How long an export may run and still keep its place from another that asks for one. A client that reads slowly
 * but steadily (20 KB/s) is never cut as stalled (stalled-download.ts), and held one of the two places for as long
 * as it liked: days for a large store. Generous: a client reading at full speed took 2.1 s for a CSV of 20,000 orders
 * of 2.7 KB (62 MB), 3.1 s for the NDJSON backup, 4.5 s for the Excel workbook, on the two shared cores of the
 * machine these were measured on: under 4 minutes for a million orders, whose backup is 6 GB. An export alone
 * is never cut for its time: only when every place is taken and another asks.
 */
const LONGEST_MS = 30 * 60_000;

/** `HOOKFERRY_TEST_EXPORT_LONGEST_MS` shortens it, so a test sees an overlong export give way in seconds. */
export function longestExportMs(env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.HOOKFERRY_TEST_EXPORT_LONGEST_MS);
  return Number.isInteger(override) && override >= 100 ? override : LONGEST_MS;
}

interface Running {
  response: ServerResponse;
  startedAt: number;
}

/**
 * The exports running now, each counted from its start until its answer closes (sent whole, cut, or its client
 * gone). When all places are taken, one that has run longer than `longestMs` gives its place to the export asking:
 * the oldest, its connection cut before its last chunk, so its client sees a failed download, never a short file
 * that looks whole.
 */
export class ExportSlots {
  private readonly running = new Set<Running>();

  constructor(
    private readonly longestMs = longestExportMs(),
    /** Told of an export cut to make room, with how long it had run. */
    private readonly onCut: (ranMs: number) => void = () => undefined,
  ) {}

  /** Counts the export answered on `response` as running, given back when the answer closes; false when all are taken. */
  take(response: ServerResponse): boolean {
    // A client gone before its export began takes no slot: its answer has closed already and would never give it back.
    if (response.destroyed) return false;
    const now = Date.now();
    if (this.running.size >= EXPORTS_AT_ONCE && !this.cutOverlong(now)) return false;
    const entry = { response, startedAt: now };
    this.running.add(entry);
    response.once('close', () => this.running.delete(entry));
    return true;
  }

  /** Cuts the oldest export if it has run past the longest an export keeps its place; whether it did. */
  private cutOverlong(now: number): boolean {
    let oldest: Running | null = null;
    for (const running of this.running) if (!oldest || running.startedAt < oldest.startedAt) oldest = running;
    if (!oldest || now - oldest.startedAt < this.longestMs) return false;
    // Its place is this export's now, not once its answer has closed.
    this.running.delete(oldest);
    this.onCut(now - oldest.startedAt);
    // The connection cut (its export's streams let go as when its client leaves, see stalled-download.ts).
    oldest.response.destroy();
    return true;
  }
}
