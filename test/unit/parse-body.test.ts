import { describe, expect, it } from 'vitest';
import { partsAllowed } from '../../main/intake/body-shape.js';
import { parseBody } from '../../main/intake/parse-body.js';
import { teamcropOrder, teamcropOrderRaw } from '../helpers/fixtures.js';

describe('parseBody', () => {
  it('parses the Teamcrop order as JSON', () => {
    const result = parseBody(teamcropOrderRaw, 'application/json; charset=utf-8');
    expect(result).toEqual({ ok: true, format: 'json', parsed: teamcropOrder });
  });

  it('says where a JSON body breaks', () => {
    const result = parseBody(Buffer.from('{\n  "a": 1,\n  "b": ,\n}'), 'application/json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.refusal).toEqual({
      status: 400,
      message: 'The body is not valid JSON at line 3, column 8: a value is expected.',
      reason: {
        code: 'intake.invalidJson',
        params: { line: 3, column: 8, problem: 'a value is expected', problemCode: 'json.ValueExpected' },
      },
    });
  });

  it('measures nesting, not the number of brackets: many shallow records pass, 201 levels do not', () => {
    const manyRecords = JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => ({ sku: `A${i}`, tags: [] })) });
    expect(parseBody(Buffer.from(manyRecords), 'application/json').ok).toBe(true);
    const nested = (levels: number) => Buffer.from('{"a":'.repeat(levels) + '1' + '}'.repeat(levels));
    expect(parseBody(nested(200), 'application/json').ok).toBe(true);
    expect(!parseBody(nested(201), 'application/json').ok).toBe(true);
    const bracketsInText = JSON.stringify({ note: '{['.repeat(300), nested: JSON.parse(nested(199).toString()) });
    expect(parseBody(Buffer.from(bracketsInText), 'application/json').ok).toBe(true);
  });

  it('refuses an empty body declared as JSON', () => {
    const result = parseBody(Buffer.alloc(0), 'application/json');
    expect(!result.ok && result.refusal.message).toBe('The body is empty, but the Content-Type says JSON.');
  });

  it('reads a body that starts with a byte-order mark, and still scans its shape first', () => {
    const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(parseBody(bom('{"event":"order.add"}'), 'application/json')).toEqual({
      ok: true,
      format: 'json',
      parsed: { event: 'order.add' },
    });
    expect(parseBody(bom('{"event":"order.add"}'), 'text/plain')).toMatchObject({ parsed: { event: 'order.add' } });
    const deep = bom('['.repeat(201) + ']'.repeat(201));
    for (const type of ['application/json', 'text/plain']) {
      const result = parseBody(deep, type);
      expect(!result.ok && result.refusal.reason.code).toBe('intake.tooDeep');
    }
  });

  it('refuses an empty body declared as XML with a sentence, not a position the parser cannot give', () => {
    for (const body of ['', '  \n']) {
      const result = parseBody(Buffer.from(body), 'application/xml');
      expect(!result.ok && result.refusal.message).toBe('The body is empty, but the Content-Type says XML.');
    }
  });

  it('turns XML into JSON, keeping values as text so phone numbers keep their leading zero', () => {
    const xml =
      '<?xml version="1.0"?><order id="7"><invoice_id>SPIRAL-1</invoice_id><billing_phone>0938474843</billing_phone></order>';
    const result = parseBody(Buffer.from(xml), 'text/xml');
    expect(result).toMatchObject({
      ok: true,
      format: 'xml',
      parsed: { order: { '@id': '7', invoice_id: 'SPIRAL-1', billing_phone: '0938474843' } },
    });
  });

  it('says where an XML body breaks', () => {
    const result = parseBody(Buffer.from('<order>\n<id>1</id>\n<x></order>'), 'application/xml');
    expect(!result.ok && result.refusal.message).toMatch(/^The body is not valid XML at line 3, column \d+: /);
  });

  it('parses form bodies', () => {
    expect(parseBody(Buffer.from('webhook_id=12&name=Hi%20there'), 'application/x-www-form-urlencoded')).toEqual({
      ok: true,
      format: 'form',
      parsed: { webhook_id: '12', name: 'Hi there' },
    });
  });

  it('keeps other types as they came, reading JSON sent as text/plain', () => {
    expect(parseBody(Buffer.from('{"event":"x"}'), 'text/plain')).toEqual({
      ok: true,
      format: 'other',
      parsed: { event: 'x' },
    });
    expect(parseBody(Buffer.from('hello'), undefined)).toEqual({ ok: true, format: 'other', parsed: null });
    expect(parseBody(Buffer.from('{broken'), 'text/plain')).toEqual({ ok: true, format: 'other', parsed: null });
  });
});

describe('the shape scan before parsing', () => {
  const refusedWith = (body: string, contentType: string) => {
    const result = parseBody(Buffer.from(body), contentType);
    return result.ok ? null : result.refusal.reason.code;
  };

  it('takes 200 levels of JSON, XML and form keys, and refuses 201', () => {
    const json = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const xml = (depth: number) => '<a>'.repeat(depth) + '</a>'.repeat(depth);
    const form = (depth: number) => `a${'[b]'.repeat(depth)}=1&c=2`;
    expect(refusedWith(json(200), 'application/json')).toBeNull();
    expect(refusedWith(json(201), 'application/json')).toBe('intake.tooDeep');
    expect(refusedWith(json(201), 'text/plain')).toBe('intake.tooDeep');
    expect(refusedWith(xml(200), 'application/xml')).toBeNull();
    expect(refusedWith(xml(201), 'application/xml')).toBe('intake.tooDeep');
    expect(refusedWith(form(200), 'application/x-www-form-urlencoded')).toBeNull();
    expect(refusedWith(form(201), 'application/x-www-form-urlencoded')).toBe('intake.tooDeep');
    expect(refusedWith(`a${'%5Bb%5d'.repeat(201)}=1`, 'application/x-www-form-urlencoded')).toBe('intake.tooDeep');
  });

  it('does not count brackets inside JSON strings, XML comments, CDATA or attribute values', () => {
    expect(refusedWith(JSON.stringify({ a: '[{\\"['.repeat(500) }), 'application/json')).toBeNull();
    const xml = `<r a="<x><x>">${'<!-- <c> -->'.repeat(300)}<![CDATA[${'<d>'.repeat(300)}]]></r>`;
    expect(refusedWith(xml, 'application/xml')).toBeNull();
    expect(refusedWith('['.repeat(300), 'text/csv')).toBe('intake.tooDeep');
    expect(refusedWith(`x${'['.repeat(300)}`, 'text/csv')).toBeNull();
  });

  it('takes 100,000 values, elements with attributes, or form fields, and refuses one more', () => {
    const json = (values: number) => JSON.stringify(Array.from({ length: values }, () => 1));
    const keys = (values: number) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: values }, (_, i) => [i, 1])));
    // Each <a x="1"/> is two parts: the element and its attribute; <r> is one more.
    const xml = (parts: number) => `<r>${'<a x="1"/>'.repeat((parts - 1) / 2)}${parts % 2 === 0 ? '<b/>' : ''}</r>`;
    const form = (fields: number) => Array.from({ length: fields }, (_, i) => `k${i}=1`).join('&');
    expect(refusedWith(json(100_000), 'application/json')).toBeNull();
    expect(refusedWith(json(100_001), 'application/json')).toBe('intake.tooManyParts');
    expect(refusedWith(keys(100_001), 'application/json')).toBe('intake.tooManyParts');
    expect(refusedWith(json(100_001), 'text/plain')).toBe('intake.tooManyParts');
    expect(refusedWith(xml(100_000), 'application/xml')).toBeNull();
    expect(refusedWith(xml(100_001), 'application/xml')).toBe('intake.tooManyParts');
    expect(refusedWith(form(100_000), 'application/x-www-form-urlencoded')).toBeNull();
    expect(refusedWith(form(100_001), 'application/x-www-form-urlencoded')).toBe('intake.tooManyParts');
    // Commas in text and = in XML text or attribute values are not parts; a larger body limit allows more.
    expect(refusedWith(JSON.stringify({ note: ','.repeat(300_000) }), 'application/json')).toBeNull();
    expect(refusedWith(`<r a="${'='.repeat(300_000)}">${'='.repeat(300_000)}</r>`, 'application/xml')).toBeNull();
    expect(refusedWith(`x,${','.repeat(300_000)}`, 'text/plain')).toBeNull();
    const result = parseBody(Buffer.from(json(150_000)), 'application/json', partsAllowed(10 * 1024 * 1024));
    expect(result.ok).toBe(true);
    expect(partsAllowed(1024)).toBe(100_000);
    expect(partsAllowed(100 * 1024 * 1024)).toBe(2_000_000);
  });

  it('refuses any XML DOCTYPE, where entities live', () => {
    expect(refusedWith('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', 'application/xml')).toBe('intake.xmlDoctype');
    expect(refusedWith('<?xml version="1.0"?><a>&amp;</a>', 'application/xml')).toBeNull();
  });
});
