import { parseJson } from '../lib/exact-json.js';
import { textOf, topLevelRecords } from '../lib/values.js';
import { storedTextOf } from './body-text.js';

/**
 * How a body is stored. A JSON body is its own parsed form: storing both would double the work and the disk
 * for the most common case, so only XML, form and other bodies keep a parsed copy. The writer asks
 * `keepsParsedCopy`, the reader `parsedOf`: the rule lives here once.
 */

export type BodyFormat = 'json' | 'xml' | 'form' | 'other';

export function formatOf(contentType: string | null | undefined): BodyFormat {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mime === 'application/json' || mime.endsWith('+json')) return 'json';
  if (mime === 'application/xml' || mime === 'text/xml' || mime.endsWith('+xml')) return 'xml';
  if (mime === 'application/x-www-form-urlencoded') return 'form';
  return 'other';
}

/** Whether an event keeps a parsed copy beside its raw body. */
export function keepsParsedCopy(event: { parsed: unknown; status: string; contentType: string | null }): boolean {
  if (event.parsed === undefined || event.parsed === null) return false;
  return !(event.status === 'received' && formatOf(event.contentType) === 'json');
}

/** A body as stored: what its parsed form is read from. */
export interface StoredBody {
  parsed: string | null;
  status: string;
  body: Buffer | null;
  content_type: string | null;
}

/** The parsed body: the stored copy, or for an accepted JSON body the body itself. */
export function parsedOf(row: StoredBody): unknown {
  if (row.parsed !== null) return parseJson(row.parsed);
  if (row.status !== 'rejected' && row.body && formatOf(row.content_type) === 'json') {
    return parseJson(storedTextOf(row.body, row.content_type));
  }
  return null;
}

/**
 * A stored body with its parsed form read once, when first asked for: a body sent as it came, or prepared off the
 * engine's thread, is never parsed here (a large one held the engine up for seconds).
 */
export function storedBodyOf(stored: StoredBody): { readonly parsed: unknown; stored: StoredBody } {
  let parsed: { value: unknown } | null = null;
  return {
    get parsed() {
      parsed ??= { value: parsedOf(stored) };
      return parsed.value;
    },
    stored,
  };
}

/**
 * The stored bodies whose record (the body itself, or inside its root element: an XML order's `<order>`) has `field`
 * equal to `value`, as a mapping reads an id, each with its record, in the order given. A body that cannot be parsed
 * is not one of them: it is no reason to fail another event.
 */
export function* recordsWith<Row extends StoredBody>(
  rows: Iterable<Row>,
  field: string,
  value: string,
): Generator<{ row: Row; record: Record<string, unknown> }> {
  for (const row of rows) {
    const record = recordOf(row);
    if (record && textOf(record[field]) === value) yield { row, record };
  }
}

function recordOf(row: StoredBody): Record<string, unknown> | undefined {
  try {
    return topLevelRecords(parsedOf(row)).at(-1);
  } catch {
    return undefined;
  }
}
