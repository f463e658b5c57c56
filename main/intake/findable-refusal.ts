import type { NewEvent } from '../store/events-write.js';
import { searchTextOf } from '../store/search-text.js';
import { LARGE_BODY_BYTES } from './large-body.js';
import { parseBody } from './parse-body.js';

/**
 * A request refused for its key (most often the shop's own order, sent with a key not yet set right) found by what it
 * names, as an accepted one is: its invoice number, the customer's name or phone. The body is anyone's input: it is
 * read only when small enough to be read on the engine's thread (as an accepted body of that size is; a larger one
 * stays findable by its id, type and reason only), only for the refusals written down (a few per source every 10 s),
 * and only for the search index: it is not stored parsed, summarized or shown as anything but the body it was.
 */
export function findableRefusal(event: NewEvent, body: Buffer): NewEvent {
  if (body.length >= LARGE_BODY_BYTES) return event;
  const read = parseBody(body, event.contentType ?? undefined);
  if (!read.ok) return event;
  // A refusal is never checked for duplicates, so the writer reads no body hash of it.
  return {
    ...event,
    derived: { parsedCopy: null, bodyHash: '', searchText: searchTextOf({ ...event, parsed: read.parsed }) },
  };
}
