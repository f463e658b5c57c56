import { XMLBuilder } from 'fast-xml-parser';
import type { EventDetail } from '../../../main/api/contract';
import { parse as parseExactly, stringify as writeExactly } from 'lossless-json';
import { prettyBody } from './format';

// The intake parses XML with attributes as `@name` (main/intake/parse-body.ts); this writes it back the same way.
const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, indentBy: '  ' });

/**
 * The body as the Formatted tab shows it: JSON indented, and XML indented as XML without its `<?xml …?>`
 * declaration, which tells a reader nothing about the order in it.
 */
export function formattedBody(event: Pick<EventDetail, 'parsed' | 'body' | 'contentType'>): string {
  const { parsed } = event;
  if (/xml/i.test(event.contentType ?? '') && parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const { '?xml': _declaration, ...document } = parsed as Record<string, unknown>;
    return xml.build(document).trim();
  }
  // JSON is indented from the body as it came: a long id keeps its digits as a number (the engine hands the parsed
  // body over with it as a string, since JSON.parse would round it), and a refused request, kept unparsed, still
  // reads indented.
  if (event.body && /json/i.test(event.contentType ?? '')) {
    try {
      return indentExactly(event.body);
    } catch {
      return parsed === null ? event.body : prettyBody(parsed, event.body);
    }
  }
  return prettyBody(parsed, event.body);
}

/** Duplicate keys read as JSON.parse reads them (the last wins) rather than refused. */
function indentExactly(body: string): string {
  const value = parseExactly(body.replace(/^\uFEFF/, ''), null, { onDuplicateKey: ({ newValue }) => newValue });
  return writeExactly(value, null, 2) ?? body;
}
