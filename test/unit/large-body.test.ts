import { describe, expect, it } from 'vitest';
import type { SourceKind } from '../../main/api/contract.js';
import { partsAllowed } from '../../main/intake/body-shape.js';
import { eventTypeOf } from '../../main/intake/event-type.js';
import type { Headers } from '../../main/intake/headers.js';
import { readLargeBody } from '../../main/intake/large-body.js';
import { parseBody } from '../../main/intake/parse-body.js';
import { summarize } from '../../main/intake/summary.js';
import { keepsParsedCopy } from '../../main/store/body-format.js';
import { bodyHashOf } from '../../main/store/body-hash.js';
import { searchTextOf } from '../../main/store/search-text.js';
import { teamcropOrderRaw } from '../helpers/fixtures.js';

const maxParts = partsAllowed(5 * 1024 * 1024);

/** What the engine derives from a body it reads itself: parse, type, summary, then the writer's share. */
function readInEngine(raw: Buffer, contentType: string, kind: SourceKind, headers: Headers, id: string) {
  const body = parseBody(raw, contentType, maxParts);
  if (!body.ok) return body;
  const { type, sender } = eventTypeOf(kind, headers, body.parsed);
  const summary = summarize(sender, type, body.parsed);
  const stored = { parsed: body.parsed, status: 'received', contentType };
  return {
    ok: true,
    type,
    summary,
    derived: {
      parsedCopy: keepsParsedCopy(stored) ? JSON.stringify(body.parsed) : null,
      searchText: searchTextOf({ id, type, summary, parsed: body.parsed }),
      bodyHash: bodyHashOf('src_1', type, raw),
    },
  };
}

describe('readLargeBody (what the body process sends back)', () => {
  const items = (n: number) =>
    Array.from({ length: n }, (_, i) => `<item><sku>SKU-${i}</sku><name>Áo dài ${i}</name></item>`).join('');
  const bodies: [string, string, SourceKind, Headers, Buffer][] = [
    ['a Teamcrop order', 'application/json', 'teamcrop', { 'tc-webhook-event': 'order.add' }, teamcropOrderRaw],
    [
      'a Magento-like XML order',
      'application/xml',
      'generic',
      {},
      Buffer.from(
        `<?xml version="1.0"?><order><event>sales_order_place_after</event><order_id>100000123</order_id>` +
          `<total>936200</total><currency>VND</currency><customer_name>Trần Bảo Châu</customer_name>` +
          `<phone>0938 474 843</phone><items>${items(500)}</items></order>`,
      ),
    ],
    [
      'a form',
      'application/x-www-form-urlencoded',
      'generic',
      {},
      Buffer.from('type=order.paid&order_number=1042&total=120000&customer_name=Nguy%E1%BB%85n+Linh'),
    ],
    ['JSON sent as text', 'text/plain', 'generic', { 'x-event-type': 'stock.changed' }, Buffer.from('[{"sku":"A1"}]')],
  ];

  it.each(bodies)('derives from %s what the engine derives reading it itself', (_, contentType, kind, headers, raw) => {
    const read = readLargeBody({
      eventId: 'evt_1',
      sourceId: 'src_1',
      kind,
      headers,
      contentType,
      maxParts,
      raw: new Uint8Array(raw),
    });
    expect(read).toEqual(readInEngine(raw, contentType, kind, headers, 'evt_1'));
    expect(read.ok && read.derived.searchText).toContain('evt_1');
  });

  it('refuses a body as the engine does, with the same sentence', () => {
    const raw = Buffer.from('{\n  "a": 1,\n  "b": ,\n}');
    const read = readLargeBody({
      eventId: 'evt_1',
      sourceId: 'src_1',
      kind: 'generic',
      headers: {},
      contentType: 'application/json',
      maxParts,
      raw: new Uint8Array(raw),
    });
    expect(read).toEqual(parseBody(raw, 'application/json', maxParts));
    expect(!read.ok && read.refusal.message).toBe(
      'The body is not valid JSON at line 3, column 8: a value is expected.',
    );
  });
});
