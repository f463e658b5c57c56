import { createHash } from 'node:crypto';
import type { EventStatus } from '../api/contract.js';
import type { Db } from './database.js';
import { GroupCommitter } from './group-commit.js';

export interface NewEvent {
  id: string;
  sourceId: string | null;
  sourceName: string | null;
  type: string;
  status: EventStatus;
  receivedAt: number;
  httpStatus: number;
  reason: string | null;
  headers: Record<string, string>;
  contentType: string | null;
  body: Buffer | null;
  parsed: unknown;
  summary: string;
  providerEventId: string | null;
  remoteAddress: string | null;
}

export interface WriteResult {
  id: string;
  duplicate: boolean;
}

/** A sender's retry is recognised by its delivery id, or by the same type and body within this window. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Writes events through the group committer. Accepted events are checked for
 * duplicates inside the same transaction, so two copies arriving in one batch
 * are caught as surely as a retry a day later. Rejected requests are written too:
 * they are the trace the live log shows.
 */
export class EventWriter {
  private readonly committer: GroupCommitter<NewEvent, WriteResult>;

  constructor(db: Db, maxBatch?: number) {
    const insert = db.prepare(`
      INSERT INTO events (id, source_id, source_name, type, status, received_at, http_status, reason, headers,
        content_type, body, body_size, parsed, summary, provider_event_id, body_hash, remote_address)
      VALUES (@id, @sourceId, @sourceName, @type, @status, @receivedAt, @httpStatus, @reason, @headers,
        @contentType, @body, @bodySize, @parsed, @summary, @providerEventId, @bodyHash, @remoteAddress)`);
    const byProviderId = db.prepare(`SELECT seq, id FROM events WHERE provider_event_id = ? AND source_id IS ? AND status != 'rejected' LIMIT 1`);
    const byBodyHash = db.prepare(`SELECT seq, id FROM events WHERE body_hash = ? AND received_at > ? AND status != 'rejected' LIMIT 1`);
    const countDuplicate = db.prepare('UPDATE events SET duplicates = duplicates + 1 WHERE seq = ?');

    const writeOne = (event: NewEvent): WriteResult => {
      const accepted = event.status !== 'rejected';
      const bodyHash = accepted ? hashOf(event) : null;
      if (accepted) {
        const original =
          (event.providerEventId ? (byProviderId.get(event.providerEventId, event.sourceId) as { seq: number; id: string } | undefined) : undefined) ??
          (byBodyHash.get(bodyHash, event.receivedAt - DUPLICATE_WINDOW_MS) as { seq: number; id: string } | undefined);
        if (original) {
          countDuplicate.run(original.seq);
          return { id: original.id, duplicate: true };
        }
      }
      insert.run({
        ...event,
        headers: JSON.stringify(event.headers),
        bodySize: event.body?.length ?? 0,
        parsed: event.parsed === undefined || event.parsed === null ? null : JSON.stringify(event.parsed),
        bodyHash,
      });
      return { id: event.id, duplicate: false };
    };

    this.committer = new GroupCommitter(db.transaction((events: NewEvent[]) => events.map(writeOne)), maxBatch);
  }

  write(event: NewEvent): Promise<WriteResult> {
    return this.committer.submit(event);
  }

  flush(): void {
    this.committer.flush();
  }
}

function hashOf(event: NewEvent): string {
  return createHash('sha256')
    .update(`${event.sourceId}\n${event.type}\n`)
    .update(event.body ?? Buffer.alloc(0))
    .digest('base64url');
}
