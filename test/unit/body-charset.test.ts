import { describe, expect, it } from 'vitest';
import { jsonTextOf } from '../../main/delivery/body-work.js';
import { partsAllowed } from '../../main/intake/body-shape.js';
import { readLargeBody } from '../../main/intake/large-body.js';
import { parseBody } from '../../main/intake/parse-body.js';
import { parsedOf } from '../../main/store/body-format.js';

/**
 * A body is text in the character encoding it declares (its Content-Type's charset, else its XML declaration, else
 * a byte-order mark; UTF-8 when none): read as UTF-8 whatever it said, an é sent in ISO-8859-1 was stored as �.
 */
const cafe = { name: 'Café Đà Lạt', price: '12€' };
const latin1Json = Buffer.from('{"name":"Caf\u00e9","n":1}', 'latin1');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('a body read in the character encoding it declares', () => {
  it('reads JSON by its Content-Type charset, quoted or not, in any case', () => {
    for (const contentType of ['application/json; charset=ISO-8859-1', 'application/json;charset="latin1"'])
      expect(parseBody(latin1Json, contentType)).toMatchObject({ ok: true, parsed: { name: 'Café' } });
    const cp1252 = Buffer.from([...Buffer.from('{"price":"12'), 0x80, ...Buffer.from('"}')]);
    expect(parseBody(cp1252, 'application/json; charset=windows-1252')).toMatchObject({ parsed: { price: '12€' } });
  });

  it('reads XML by its declaration when the Content-Type names no charset', () => {
    const xml = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><order><name>Caf\u00e9</name></order>',
      'latin1',
    );
    expect(parseBody(xml, 'application/xml')).toMatchObject({ ok: true, parsed: { order: { name: 'Café' } } });
  });

  it('reads UTF-16 by its byte-order mark or its charset, little- or big-endian', () => {
    const json = JSON.stringify(cafe);
    expect(parseBody(utf16le(json), 'application/json')).toMatchObject({ ok: true, parsed: cafe });
    expect(parseBody(Buffer.from(json, 'utf16le'), 'application/json; charset=utf-16')).toMatchObject({ parsed: cafe });
    expect(parseBody(utf16be(json), 'application/json; charset=UTF-16BE')).toMatchObject({ parsed: cafe });
    const xml = `<?xml version="1.0" encoding="UTF-16"?><order><name>${cafe.name}</name></order>`;
    expect(parseBody(utf16le(xml), 'text/xml')).toMatchObject({ parsed: { order: { name: cafe.name } } });
  });

  it('sees a DOCTYPE in a UTF-16 body, which it refuses as in any other', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>';
    const utf8 = parseBody(Buffer.from(xml), 'application/xml');
    expect(utf8.ok).toBe(false);
    expect(parseBody(utf16le(xml), 'application/xml')).toEqual(utf8);
  });

  it('refuses a charset it does not know, naming it', () => {
    const refused = parseBody(latin1Json, 'application/json; charset=klingon-8');
    expect(refused).toMatchObject({
      ok: false,
      refusal: { status: 415, reason: { code: 'intake.unknownCharset', params: { charset: 'klingon-8' } } },
    });
    expect(!refused.ok && refused.refusal.message).toMatch(/“klingon-8”/);
    // An unknown name over good UTF-8 (`utf8mb4`, which some senders write) is read as UTF-8, as it was before.
    expect(parseBody(Buffer.from('{"a":"é"}'), 'application/json; charset=utf8mb4')).toMatchObject({
      parsed: { a: 'é' },
    });
    // A body Hookferry need not read is kept, as before: refusing it would lose it.
    expect(parseBody(Buffer.from('{"a":1}'), 'text/plain; charset=klingon-8')).toMatchObject({
      ok: true,
      parsed: { a: 1 },
    });
  });

  it('keeps UTF-8 as before, a byte-order mark or not', () => {
    const json = JSON.stringify(cafe);
    expect(parseBody(Buffer.from(`\ufeff${json}`), 'application/json')).toMatchObject({ parsed: cafe });
    expect(parseBody(Buffer.from(json), 'text/plain')).toMatchObject({ format: 'other', parsed: cafe });
  });

  it('reads a stored JSON body, and sends it on as JSON, in its charset', () => {
    const stored = {
      parsed: null,
      status: 'received',
      body: latin1Json,
      content_type: 'application/json; charset=iso-8859-1',
    };
    expect(parsedOf(stored)).toEqual({ name: 'Café', n: 1 });
    expect(jsonTextOf(stored)).toBe('{"name":"Café","n":1}');
    const text = { parsed: null, status: 'received', body: latin1Json, content_type: 'text/plain; charset=latin1' };
    expect(jsonTextOf(text)).toBe(JSON.stringify('{"name":"Café","n":1}'));
  });

  it('reads a large body (the body process) the same way', () => {
    const xml = Buffer.from(
      `<?xml version="1.0" encoding="ISO-8859-1"?><order><name>Caf\u00e9</name><note>${'x'.repeat(20_000)}</note></order>`,
      'latin1',
    );
    const read = readLargeBody({
      eventId: 'evt_1',
      sourceId: 'src_1',
      kind: 'generic',
      headers: {},
      contentType: 'application/xml',
      maxParts: partsAllowed(5 * 1024 * 1024),
      raw: xml,
    });
    expect(read.ok && read.derived.parsedCopy).toContain('"name":"Café"');
  });
});
