import type { Db } from './database.js';

interface Original {
  seq: number;
  id: string;
  receivedAt: number;
}

/**
 * The content fingerprints of the last 24 hours' events, in memory, for
 * duplicate detection. An index on random hashes would dirty one random page
 * per insert and nearly double what each group commit writes to disk; this map
 * costs a few megabytes for a busy day and is rebuilt from the events table
 * (by time, which is indexed) when the engine starts.
 */
export class RecentBodies {
  private readonly byHash = new Map<string, Original>();

  constructor(private readonly windowMs: number) {}

  load(db: Db, now = Date.now()): void {
    const rows = db
      .prepare(
        "SELECT body_hash AS hash, seq, id, received_at AS receivedAt FROM events WHERE received_at > ? AND body_hash IS NOT NULL AND status != 'rejected' ORDER BY seq",
      )
      .all(now - this.windowMs) as (Original & { hash: string })[];
    for (const { hash, ...original } of rows) this.byHash.set(hash, original);
  }

  find(hash: string, now: number): Original | null {
    const original = this.byHash.get(hash);
    return original && original.receivedAt > now - this.windowMs ? original : null;
  }

  add(hash: string, original: Original): void {
    this.byHash.delete(hash);
    this.byHash.set(hash, original);
  }

  /** For a transaction that rolled back: its events were never stored. */
  remove(hashes: string[]): void {
    for (const hash of hashes) this.byHash.delete(hash);
  }

  /** Drops what has left the window; the map is in insertion (time) order, so it stops at the first fresh one. */
  prune(now = Date.now()): void {
    for (const [hash, original] of this.byHash) {
      if (original.receivedAt > now - this.windowMs) return;
      this.byHash.delete(hash);
    }
  }
}
