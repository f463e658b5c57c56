import type { SourceKind } from '../api/contract.js';
import { keepsParsedCopy } from '../store/body-format.js';
import { bodyHashOf } from '../store/body-hash.js';
import type { DerivedBody } from '../store/events-write.js';
import { searchTextOf } from '../store/search-text.js';
import { eventTypeOf } from './event-type.js';
import type { Headers } from './headers.js';
import { parseBody } from './parse-body.js';
import type { Refusal } from './refusal.js';
import { summarize } from './summary.js';

/** A body at or above this size is read in the body process (see LargeBodyReader); below it, in the engine. */
export const LARGE_BODY_BYTES = 16 * 1024;

/** What the body process is handed: the body and what it needs to say what the event is. */
export interface LargeBody {
  eventId: string;
  sourceId: string;
  kind: SourceKind;
  headers: Headers;
  contentType: string | undefined;
  maxParts: number;
  raw: Uint8Array;
}

/** Everything intake and the writer take from a large body, without the parsed body itself. */
export type LargeBodyRead =
  { ok: true; type: string; summary: string; derived: DerivedBody } | { ok: false; refusal: Refusal };

/**
 * What intake does with a body (parse it, name its type, summarize it) and the writer after it (its search text,
 * its stored parsed copy, its fingerprint), done in one go, in the body process.
 */
export function readLargeBody(body: LargeBody): LargeBodyRead {
  const raw = Buffer.from(body.raw.buffer, body.raw.byteOffset, body.raw.byteLength);
  const read = parseBody(raw, body.contentType, body.maxParts);
  if (!read.ok) return read;
  const { parsed } = read;
  const { type, sender } = eventTypeOf(body.kind, body.headers, parsed);
  const summary = summarize(sender, type, parsed);
  const stored = { parsed, status: 'received', contentType: body.contentType ?? null };
  return {
    ok: true,
    type,
    summary,
    derived: {
      parsedCopy: keepsParsedCopy(stored) ? JSON.stringify(parsed) : null,
      searchText: searchTextOf({ id: body.eventId, type, summary, parsed }),
      bodyHash: bodyHashOf(body.sourceId, type, raw),
    },
  };
}
