import { XMLBuilder } from 'fast-xml-parser';
import type { EventDetail } from '../../../main/api/contract';
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
  // A refused request is kept as it came, unparsed: a JSON body refused for its sender (a missing key) still reads indented.
  if (parsed === null && event.body && /json/i.test(event.contentType ?? '')) {
    try {
      return prettyBody(JSON.parse(event.body), event.body);
    } catch {
      return event.body;
    }
  }
  return prettyBody(parsed, event.body);
}
