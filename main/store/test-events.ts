import type { EventListItem, TestResult } from '../api/contract.js';
import type { OutgoingEvent } from '../delivery/outgoing.js';
import type { Db } from './database.js';
import { writeTransaction } from './write-transaction.js';
import type { DeliveryStore } from './deliveries.js';
import { afterCommitOf } from './after-commit.js';
import { searchTextOf } from './search-text.js';

/**
 * "Send test event" leaves a trace like any event: stored, marked as a test,
 * with one delivery to the destination tried and its answer as the attempt, so
 * the live log and the event's detail show what the destination said. A test is
 * tried once: when it fails its delivery is discarded, not failed, so it never
 * waits in Failed, counts as a failed order, or asks to be resent.
 */
export class TestEventLog {
  private readonly insert;

  constructor(
    private readonly db: Db,
    private readonly deliveries: DeliveryStore,
  ) {
    this.insert = db.prepare(`
      INSERT INTO events (id, source_id, source_name, type, status, received_at, http_status, reason, headers,
        content_type, body, body_size, parsed, summary, is_test)
      VALUES (@id, NULL, @sourceName, @type, 'pending', @receivedAt, 200, NULL, '{}', @contentType, @body, @bodySize,
        NULL, @summary, 1)`);
  }

  record(
    destination: { id: string; name: string },
    sample: OutgoingEvent,
    result: TestResult,
    startedAt: number,
  ): { event: EventListItem; searchText: string } {
    const summary = `${sample.type} · ${destination.name}`;
    const recorded = writeTransaction(this.db, () => {
      const { lastInsertRowid } = this.insert.run({
        id: sample.id,
        sourceName: sample.sourceName,
        type: sample.type,
        receivedAt: startedAt,
        contentType: sample.contentType,
        body: sample.body,
        bodySize: sample.body.length,
        summary,
      });
      const seq = Number(lastInsertRowid);
      const searchText = searchTextOf({ id: sample.id, type: sample.type, summary, parsed: sample.parsed });
      this.deliveries.createFor(seq, [destination.id], startedAt);
      const [deliveryId] = this.deliveries.idsForEvent(seq);
      const [recorded] = this.deliveries.record([
        {
          deliveryId: deliveryId!,
          destinationId: destination.id,
          eventSeq: seq,
          startedAt,
          durationMs: result.durationMs,
          category: result.ok ? 'delivered' : result.httpStatus === null ? 'network' : 'http',
          httpStatus: result.httpStatus,
          error: result.error,
          reason: result.reason,
          responseSnippet: result.responseSnippet,
          status: result.ok ? 'delivered' : 'discarded',
          nextAttemptAt: null,
          test: true,
        },
      ]);
      const event: EventListItem = {
        id: sample.id,
        sourceId: null,
        sourceName: sample.sourceName,
        type: sample.type,
        status: recorded!.eventStatus,
        outcome: recorded!.eventOutcome,
        receivedAt: new Date(startedAt).toISOString(),
        summary,
        httpStatus: 200,
        reason: null,
        rejection: null,
        bodySize: sample.body.length,
        duplicates: 0,
        test: true,
        // Tried once, at once, out of any line, paused or not.
        heldBehind: false,
        waitsPaused: false,
      };
      return { event, searchText, seq };
    })();
    afterCommitOf(this.db).add(recorded.seq, recorded.searchText);
    return { event: recorded.event, searchText: recorded.searchText };
  }
}
