import type { AttemptCategory, Reason } from '../api/contract.js';
import type { Db } from './database.js';

/** The overview's figures look at a destination's last day, at most this many attempts. */
export const RECENT_ATTEMPTS = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Recent {
  at: number;
  durationMs: number;
  delivered: boolean;
  error: string | null;
  reason: Reason | null;
}

/** What one attempt adds to its destination's figures. */
export interface RecentAttempt {
  at: number;
  durationMs: number;
  category: AttemptCategory;
  error: string | null;
  reason: Reason | null;
}

/**
 * Each destination's latest attempts (skipped ones aside), in memory: the
 * overview's success rate, p95 and last error come from here instead of a scan
 * of the attempts table on every refresh. Filled from the table at start, then
 * fed by every recorded attempt.
 */
export class RecentAttempts {
  private readonly byDestination = new Map<string, Recent[]>();

  load(db: Db, now = Date.now()): void {
    const rows = db
      .prepare(
        `SELECT d.destination_id AS destinationId, a.started_at AS at, a.duration_ms AS durationMs, a.category, a.error,
                a.reason
         FROM attempts a JOIN deliveries d ON d.id = a.delivery_id
         WHERE a.started_at >= ? AND a.category != 'skipped' ORDER BY a.id`,
      )
      .all(now - DAY_MS) as {
      destinationId: string;
      at: number;
      durationMs: number;
      category: AttemptCategory;
      error: string | null;
      reason: string | null;
    }[];
    for (const row of rows)
      this.add(row.destinationId, { ...row, reason: row.reason === null ? null : (JSON.parse(row.reason) as Reason) });
  }

  add(destinationId: string, { at, durationMs, category, error, reason }: RecentAttempt): void {
    if (category === 'skipped') return;
    let recent = this.byDestination.get(destinationId);
    if (!recent) this.byDestination.set(destinationId, (recent = []));
    recent.push({ at, durationMs, delivered: category === 'delivered', error, reason });
    // Trimmed in steps, so a busy destination does not shift the array on every attempt.
    if (recent.length > RECENT_ATTEMPTS * 1.25) recent.splice(0, recent.length - RECENT_ATTEMPTS);
  }

  figures(
    destinationId: string,
    now: number,
  ): { lastError: string | null; lastReason: Reason | null; successRate: number | null; p95Ms: number | null } {
    const since = now - DAY_MS;
    const recent = (this.byDestination.get(destinationId) ?? [])
      .slice(-RECENT_ATTEMPTS)
      .filter((attempt) => attempt.at >= since);
    if (recent.length === 0) return { lastError: null, lastReason: null, successRate: null, p95Ms: null };
    const durations = recent.map((attempt) => attempt.durationMs).sort((a, b) => a - b);
    const failed = recent.findLast((attempt) => attempt.error);
    return {
      lastError: failed?.error ?? null,
      lastReason: failed?.reason ?? null,
      successRate: recent.filter((attempt) => attempt.delivered).length / recent.length,
      p95Ms: durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)]!,
    };
  }
}
