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

/** The exports running now, each counted from its start until its answer closes (sent whole, cut, or its client gone). */
export class ExportSlots {
  private running = 0;

  /** Counts the export answered on `response` as running, given back when the answer closes; false when all are taken. */
  take(response: ServerResponse): boolean {
    // A client gone before its export began takes no slot: its answer has closed already and would never give it back.
    if (response.destroyed || this.running >= EXPORTS_AT_ONCE) return false;
    this.running += 1;
    response.once('close', () => {
      this.running -= 1;
    });
    return true;
  }
}
