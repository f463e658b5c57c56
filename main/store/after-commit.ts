import type { Db } from './database.js';
import { writeTransaction } from './write-transaction.js';
import { eventTally } from './event-counters.js';

/** How long new rows wait to be indexed together, and how many make a batch full. */
const WINDOW_MS = 200;
const MAX_BATCH = 500;
/** Every event is indexed once a batch is: what waited was in it, and nothing is committed while it runs. */
const RECORD_PROGRESS =
  'UPDATE search_progress SET indexed_upto = (SELECT coalesce(max(seq), 0) FROM events) WHERE id = 1';

/**
 * What follows an intake commit instead of being part of it: the full-text index and the overview's
 * counters. Indexing one event in its own commit costs more than storing it (FTS5 writes a segment
 * per transaction: about 0.17 ms of CPU and 30 KB of WAL per event, against 0.01 ms in batches of
 * hundreds), counting it wrote two more pages, and an intake commit, which a sender waits for, is
 * usually one event. So events are indexed and counted in a batch of their own a moment later (one
 * transaction, one fsync for both); a search first indexes what is waiting, so it never misses an
 * event that was answered 200, and the counters are read together with the rows not yet counted.
 *
 * What a crash leaves behind is caught up at the next start: `search_progress` says up to which seq
 * every event is indexed, `counted_upto` up to which it is counted (both kept at or below the newest
 * seq by a trigger when events are removed, so a reused seq is never taken for done).
 */
export class AfterCommit {
  private pending: { seq: number; text: string }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly flush: (rows: { seq: number; text: string }[]) => void;

  constructor(private readonly db: Db) {
    // An event removed since its commit (retention) is not indexed. Asked apart: as one INSERT … SELECT … WHERE
    // EXISTS, the same rows cost three times the CPU to index.
    const stored = db.prepare('SELECT 1 FROM events WHERE seq = ?').pluck();
    const insert = db.prepare('INSERT INTO events_search (rowid, text) VALUES (?, ?)');
    const progress = db.prepare(RECORD_PROGRESS);
    const tally = eventTally(db);
    this.flush = writeTransaction(db, (rows: { seq: number; text: string }[]) => {
      for (const { seq, text } of rows) if (stored.get(seq) !== undefined) insert.run(seq, text);
      progress.run();
      tally();
    });
  }

  /**
   * A committed event and its search text; called in commit order, right after the commit. Never throws:
   * the commit it follows is done, and a failure here must not look like the commit's.
   */
  add(seq: number, text: string): void {
    this.pending.push({ seq, text });
    if (this.pending.length >= MAX_BATCH) this.indexLater();
    else this.timer ??= setTimeout(() => this.indexLater(), WINDOW_MS).unref();
  }

  /** Indexes and counts what is waiting, now: before a search, and on close. */
  catchUp(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    this.flush(this.pending);
    this.pending = [];
  }

  private indexLater(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Closed without close() (a test, or a crash being simulated): the next open indexes what waited.
    if (!this.db.open) return;
    try {
      this.catchUp();
    } catch {
      // A full disk: the rows stay waiting for the next event or search, and a restart finds them again;
      // meanwhile the counters are read with the rows not yet counted.
      this.timer = setTimeout(() => this.indexLater(), WINDOW_MS * 5).unref();
    }
  }

  /** On shutdown: what cannot be done now (no room) is done at the next start. */
  close(): void {
    try {
      this.catchUp();
    } catch {
      // catchUp has already cleared the timer; the waiting rows are found again by catchUpAtOpen.
    }
  }
}

const followers = new WeakMap<Db, AfterCommit>();

/** The one follower of a connection, shared by everything that writes or searches events through it. */
export function afterCommitOf(db: Db): AfterCommit {
  let follower = followers.get(db);
  if (!follower) {
    follower = new AfterCommit(db);
    followers.set(db, follower);
  }
  return follower;
}

/**
 * At open: indexes and counts the events a crash left behind (stored after the last batch); returns
 * how many were indexed.
 */
export function catchUpAtOpen(db: Db): number {
  return writeTransaction(db, () => {
    const { changes } = db
      .prepare(
        `INSERT INTO events_search (rowid, text)
           SELECT seq, search_text(id, type, summary, status, body, parsed, content_type) FROM events
           WHERE seq > (SELECT indexed_upto FROM search_progress WHERE id = 1)`,
      )
      .run();
    db.prepare(RECORD_PROGRESS).run();
    eventTally(db)();
    return changes;
  })();
}
