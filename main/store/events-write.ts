import type { EventStatus, Reason } from '../api/contract.js';
import { keepsParsedCopy } from './body-format.js';
import type { Db } from './database.js';
import { writeTransaction } from './write-transaction.js';
import type { DeliveryStore } from './deliveries.js';
import { GroupCommitter } from './group-commit.js';
import { RecentBodies } from './recent-bodies.js';
import { afterCommitOf } from './after-commit.js';
import { bodyHashOf } from './body-hash.js';
import { eventWaits, type EventWaits } from './event-waits.js';
import { searchTextOf } from './search-text.js';
import { reasonColumn } from './stored-reason.js';
import { bounded, boundedOrNull } from '../lib/bounded-text.js';

export interface NewEvent {
  id: string;
  sourceId: string | null;
  sourceName: string | null;
  type: string;
  status: EventStatus;
  receivedAt: number;
  httpStatus: number;
  reason: string | null;
  rejection: Reason | null;
  headers: Record<string, string>;
  contentType: string | null;
  body: Buffer | null;
  parsed: unknown;
  summary: string;
  providerEventId: string | null;
  /**
   * Verified by a signature over its body (HMAC: Shopify, WooCommerce), which a replay carries unchanged while its
   * delivery id need not: such a body is a duplicate for as long as its original is kept, not only 24 hours.
   */
  signed: boolean;
  remoteAddress: string | null;
  /** What the writer would derive from `parsed`, derived already where the body was read (large bodies). */
  derived?: DerivedBody | null;
}

/**
 * A large body is read in a process of its own (see large-body-reader.ts), which sends back only what the writer
 * stores, not the parsed body itself: the engine's thread never builds or walks it.
 */
export interface DerivedBody {
  /** The stored parsed copy (see keepsParsedCopy), as JSON. */
  parsedCopy: string | null;
  searchText: string;
  bodyHash: string;
}

export type WriteResult =
  | {
      id: string;
      duplicate: false;
      status: EventStatus;
      /** What search finds the event by, folded; the live log matches new rows on it. */
      searchText: string;
      /** What it came to wait for, not on its way (see eventWaits). */
      waits: EventWaits;
    }
  /** `status` null: a copy of a signed event retention has removed; its id is remembered, its status is not. */
  | { id: string; duplicate: true; status: EventStatus | null; searchText: '' };

/** How a new event finds its destinations; deliveries are created in the event's own transaction. */
export interface Routing {
  destinationsFor(event: NewEvent): string[];
  deliveries: DeliveryStore;
  /** After each commit: the queue wakes to send what was just stored. */
  committed(): void;
  /** Every delivery is paused (the settings' flag): a new event waits for the resume. Absent: never. */
  allPaused?(): boolean;
}

/**
 * A sender's retry is recognised by its delivery id with the same type and body (for as long as the original is
 * kept), or by the same type and body alone within this window.
 */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Writes events through the group committer. Accepted events are checked for
 * duplicates (by provider delivery id and content in the table, by content in RecentBodies)
 * inside the same transaction, so two copies arriving in one batch are caught as
 * surely as a retry hours later. Rejected requests are written too:
 * they are the trace the live log shows.
 */
export class EventWriter {
  private readonly committer: GroupCommitter<NewEvent, WriteResult>;
  private readonly pruner: NodeJS.Timeout;

  private readonly recent = new RecentBodies(DUPLICATE_WINDOW_MS);

  constructor(db: Db, routing: Routing | null = null, maxBatch?: number) {
    this.recent.load(db);
    const insert = db.prepare(`
      INSERT INTO events (id, source_id, source_name, type, status, received_at, http_status, reason, rejection, headers,
        content_type, body, body_size, parsed, summary, provider_event_id, body_hash, remote_address, signed)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // A delivery id names a delivery, not what it carries: WooCommerce's is the same for every order one webhook sends
    // within a second, Shopify's event id is shared by the topics one event triggers. So the id finds the original
    // (its index), and the fingerprint (source, type, body) must match it too: the same id with another type or body
    // is another event, stored and forwarded. Both are in the index (migration 'events: a delivery id found with its
    // fingerprint'): one lookup, however many events a sender put under one id.
    const byProviderId = db.prepare(
      `SELECT seq, id FROM events WHERE provider_event_id = ? AND source_id IS ? AND body_hash = ? AND status != 'rejected' LIMIT 1`,
    );
    // Past RecentBodies' window, a signed body is looked up here (a partial index holds only signed events' hashes).
    const bySignedBody = db.prepare(
      'SELECT seq, id FROM events WHERE body_hash = ? AND signed = 1 AND source_id IS ? LIMIT 1',
    );
    // Past the event itself (retention removed it), what a signed event left behind (see the migration
    // 'signed bodies seen'): the first 12 characters of its fingerprint.
    const bySignedBodySeen = db.prepare('SELECT event_id AS id FROM signed_seen WHERE hash = substr(?, 1, 12)');
    const countDuplicate = db.prepare('UPDATE events SET duplicates = duplicates + 1 WHERE seq = ? RETURNING status');
    const waitsOf = (allPaused: boolean) =>
      db.prepare(`SELECT ${eventWaits(allPaused)} FROM events e WHERE e.seq = ?`).pluck();
    const waits = { running: waitsOf(false), allPaused: waitsOf(true) };
    const followUp = afterCommitOf(db);
    let addedInBatch: string[] = [];
    let storedInBatch: { seq: number; text: string }[] = [];

    const writeOne = (event: NewEvent): WriteResult => {
      const accepted = event.status !== 'rejected';
      const bodyHash = accepted
        ? (event.derived?.bodyHash ?? bodyHashOf(event.sourceId, event.type, event.body))
        : null;
      if (accepted) {
        const original =
          (event.providerEventId
            ? (byProviderId.get(event.providerEventId, event.sourceId, bodyHash) as
                { seq: number; id: string } | undefined)
            : undefined) ??
          this.recent.find(bodyHash!, event.receivedAt) ??
          (event.signed
            ? (bySignedBody.get(bodyHash, event.sourceId) as { seq: number; id: string } | undefined)
            : null);
        // The original may be gone (retention removed it while this post waited for its commit): then it is new,
        // unless it was signed, and so left its mark.
        const counted = original && (countDuplicate.get(original.seq) as { status: EventStatus } | undefined);
        if (original && counted) return { id: original.id, duplicate: true, status: counted.status, searchText: '' };
        const seen = event.signed ? (bySignedBodySeen.get(bodyHash) as { id: string } | undefined) : undefined;
        if (seen) return { id: seen.id, duplicate: true, status: null, searchText: '' };
      }
      const targets = accepted && routing ? routing.destinationsFor(event) : [];
      const status: EventStatus = !accepted ? 'rejected' : targets.length > 0 ? 'pending' : 'received';
      // Positional: a spread into named parameters built an object of a new shape for every row.
      const { lastInsertRowid } = insert.run(
        event.id,
        event.sourceId,
        event.sourceName,
        event.type,
        status,
        event.receivedAt,
        event.httpStatus,
        boundedOrNull(event.reason),
        reasonColumn(event.rejection),
        JSON.stringify(event.headers),
        event.contentType,
        event.body,
        event.body?.length ?? 0,
        event.derived ? event.derived.parsedCopy : keepsParsedCopy(event) ? JSON.stringify(event.parsed) : null,
        bounded(event.summary),
        event.providerEventId,
        bodyHash,
        event.remoteAddress,
        event.signed ? 1 : 0,
      );
      const seq = Number(lastInsertRowid);
      const searchText = event.derived?.searchText ?? searchTextOf(event);
      storedInBatch.push({ seq, text: searchText });
      routing?.deliveries.createFor(seq, targets, event.receivedAt);
      if (bodyHash) {
        this.recent.add(bodyHash, { seq, id: event.id, receivedAt: event.receivedAt });
        addedInBatch.push(bodyHash);
      }
      return {
        id: event.id,
        duplicate: false,
        status,
        searchText,
        waits:
          status === 'pending'
            ? ((routing?.allPaused?.() ? waits.allPaused : waits.running).get(seq) as EventWaits)
            : null,
      };
    };

    const commitBatch = writeTransaction(db, (events: NewEvent[]) => events.map(writeOne));
    this.committer = new GroupCommitter((events: NewEvent[]) => {
      addedInBatch = [];
      storedInBatch = [];
      let results: WriteResult[];
      try {
        results = commitBatch(events);
      } catch (error) {
        this.recent.remove(addedInBatch);
        throw error;
      }
      for (const { seq, text } of storedInBatch) followUp.add(seq, text);
      routing?.committed();
      return results;
    }, maxBatch);
    this.pruner = setInterval(() => this.recent.prune(), 60_000).unref();
  }

  write(event: NewEvent): Promise<WriteResult> {
    return this.committer.submit(event);
  }

  /** Commits what is waiting and stops the housekeeping; called on shutdown. */
  close(): void {
    this.committer.flush();
    clearInterval(this.pruner);
  }
}
