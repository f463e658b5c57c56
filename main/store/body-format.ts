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

/** The parsed body: the stored copy, or for an accepted JSON body the body itself. */
export function parsedOf(row: {
  parsed: string | null;
  status: string;
  body: Buffer | null;
  content_type: string | null;
}): unknown {
  if (row.parsed !== null) return JSON.parse(row.parsed);
  if (row.status !== 'rejected' && row.body && formatOf(row.content_type) === 'json') {
    // The raw body keeps the byte-order mark some Windows senders write; it is not part of the JSON (see parseBody).
    const text = row.body.toString('utf8');
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  }
  return null;
}
