import { describe, expect, it } from 'vitest';
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
    expect(!result.ok && result.error).toBe('The body is not valid JSON at line 3, column 8: a value is expected.');
  });

  it('refuses an empty body declared as JSON', () => {
    expect(parseBody(Buffer.alloc(0), 'application/json')).toEqual({
      ok: false,
      error: 'The body is empty, but the Content-Type says JSON.',
    });
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
    expect(!result.ok && result.error).toMatch(/^The body is not valid XML at line 3, column \d+: /);
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
