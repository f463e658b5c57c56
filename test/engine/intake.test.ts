import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { post, teamcropOrder, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const json = { 'content-type': 'application/json' };

describe('intake (real serve process)', () => {
  let serve: ServeProcess;
  let dataDir: string;
  let pos: string;

  beforeAll(async () => {
    // One engine for the file: these tests post to it side by side, each with its own source where settings matter.
    dataDir = mkdtempSync(join(tmpdir(), 'hookferry-intake-'));
    serve = await startServe(dataDir);
    pos = await serve.posUrl();
  });
  afterAll(async () => {
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores the real Teamcrop order and answers 200 with its id only after it is stored', async () => {
    const { status, json: answer } = await post(pos, teamcropOrderRaw, { ...json, 'Tc-Webhook-Event': 'order.add' });
    expect(status).toBe(200);
    expect(Object.keys(answer)).toEqual(['id']);
    const event = await serve.api('getEvent', { params: { id: String(answer.id) } });
    expect(event).toMatchObject({
      type: 'order.add',
      status: 'received',
      sourceName: 'POS',
      summary: 'order.add · SPIRAL-170623-1017-DC92 · 936.200 ₫ · Nguyễn Thúy Linh',
      contentType: 'application/json',
      bodyEncoding: 'utf8',
    });
    expect(event.body).toBe(teamcropOrderRaw.toString('utf8'));
    expect(event.parsed).toEqual(teamcropOrder);
    expect(event.headers['tc-webhook-event']).toBe('order.add');
  });

  it('absorbs a sender retry: 200 with duplicate:true, stored once', async () => {
    const body = JSON.stringify({ ...teamcropOrder, id: 99_000_001 });
    const headers = { ...json, 'Tc-Webhook-Event': 'order.edit' };
    const first = await post(pos, body, headers);
    const again = await post(pos, body, headers);
    expect(again).toEqual({ status: 200, json: { id: first.json.id, duplicate: true } });
    const page = await serve.api('listEvents', { query: { type: 'order.edit' } });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.duplicates).toBe(1);
  });

  it('absorbs a repeated Shopify event id with the same body, and stores another body under it as a new event', async () => {
    const headers = { ...json, 'X-Shopify-Topic': 'orders/create', 'X-Shopify-Event-Id': 'evt-777' };
    const first = await post(pos, '{"id":1}', headers);
    const again = await post(pos, '{"id":1}', headers);
    expect(again.json).toEqual({ id: first.json.id, duplicate: true });
    const other = await post(pos, '{"id":2}', headers);
    expect(other.status).toBe(200);
    expect(other.json.duplicate).toBeUndefined();
    expect(other.json.id).not.toBe(first.json.id);
  });

  it('parses XML and form bodies and takes the event type from the body when no header names it', async () => {
    const xml = await post(
      pos,
      '<order><event>order.add</event><invoice_id>INV-9</invoice_id><billing_phone>0938</billing_phone></order>',
      { 'content-type': 'application/xml' },
    );
    expect(xml.status).toBe(200);
    const stored = await serve.api('getEvent', { params: { id: String(xml.json.id) } });
    expect(stored.type).toBe('order.add');
    expect(stored.parsed).toEqual({ order: { event: 'order.add', invoice_id: 'INV-9', billing_phone: '0938' } });

    const form = await post(pos, 'topic=customer.add&name=Lan', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const formEvent = await serve.api('getEvent', { params: { id: String(form.json.id) } });
    expect(formEvent.type).toBe('customer.add');
    expect(formEvent.parsed).toEqual({ topic: 'customer.add', name: 'Lan' });

    const plain = await post(pos, 'just text');
    expect((await serve.api('getEvent', { params: { id: String(plain.json.id) } })).type).toBe('unknown');
  });

  it('answers 404 to an unknown token, and logs it as rejected', async () => {
    const answer = await post(`${serve.runtime.ingestUrl}/in/not-a-real-token`, '{}', json);
    expect(answer.status).toBe(404);
    expect(answer.json.error).toMatch(/No source has this address/);
    const rejected = await serve.api('listEvents', { query: { status: 'rejected', q: 'No source has this address' } });
    expect(rejected.items[0]).toMatchObject({ httpStatus: 404, sourceId: null });
  });

  it('answers 400 with what and where for malformed JSON and XML, and keeps the bad body for inspection', async () => {
    const badJson = await post(pos, '{"a": 1,\n "b": }', json);
    expect(badJson).toEqual({
      status: 400,
      json: { error: 'The body is not valid JSON at line 2, column 7: a value is expected.' },
    });
    const badXml = await post(pos, '<a><b></a>', { 'content-type': 'text/xml' });
    expect(badXml.status).toBe(400);
    expect(badXml.json.error).toMatch(/^The body is not valid XML at line 1, column \d+/);
    const rejected = await serve.api('listEvents', { query: { status: 'rejected', q: 'not valid JSON' } });
    const detail = await serve.api('getEvent', { params: { id: rejected.items[0]!.id } });
    expect(detail).toMatchObject({ httpStatus: 400, body: '{"a": 1,\n "b": }', reason: badJson.json.error });
  });

  it('verifies Shopify signatures: 401 when wrong or missing, 200 when right; the signature is not stored', async () => {
    const source = await serve.api('createSource', {
      body: { name: 'Web shop', kind: 'shopify', verification: { type: 'hmac', secret: 'shpss_test_secret' } },
    });
    expect(source.verification).toEqual({
      type: 'hmac',
      header: 'X-Shopify-Hmac-Sha256',
      encoding: 'base64',
      secretSet: true,
    });
    const body = '{"id":4242,"name":"#1001","total_price":"10.00","currency":"USD"}';
    const good = createHmac('sha256', 'shpss_test_secret').update(body).digest('base64');
    const headers = { ...json, 'X-Shopify-Topic': 'orders/create' };

    const wrong = await post(source.ingestUrl, body, { ...headers, 'X-Shopify-Hmac-Sha256': 'AAAA' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatch(/does not match the body/);
    expect((await post(source.ingestUrl, body, headers)).status).toBe(401);
    const right = await post(source.ingestUrl, body, { ...headers, 'X-Shopify-Hmac-Sha256': good });
    expect(right.status).toBe(200);
    const stored = await serve.api('getEvent', { params: { id: String(right.json.id) } });
    expect(stored.headers['x-shopify-hmac-sha256']).toBe('[redacted]');
    expect(stored.summary).toBe('orders/create · #1001 · $10.00');
    const rejected = await serve.api('listEvents', { query: { status: 'rejected', sourceId: source.id } });
    expect(rejected.items.map((item) => item.httpStatus)).toEqual([401, 401]);
  });

  it('verifies WooCommerce signatures and answers its unsigned creation ping with 200 without storing it', async () => {
    const source = await serve.api('createSource', {
      body: { name: 'Woo', kind: 'woocommerce', verification: { type: 'hmac', secret: 'wc-secret' } },
    });
    const ping = await post(source.ingestUrl, 'webhook_id=15', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(ping).toEqual({ status: 200, json: { ping: true } });
    const body = '{"id":77,"number":"77","total":"5.00","currency":"EUR"}';
    const signature = createHmac('sha256', 'wc-secret').update(body).digest('base64');
    const signed = await post(source.ingestUrl, body, {
      ...json,
      'X-WC-Webhook-Topic': 'order.created',
      'X-WC-Webhook-Signature': signature,
    });
    expect(signed.status).toBe(200);
    const page = await serve.api('listEvents', { query: { sourceId: source.id } });
    expect(page.items.map((item) => item.type)).toEqual(['order.created']);
  });

  it('checks a required header and value (Teamcrop custom headers), and redacts that header', async () => {
    const source = await serve.api('createSource', {
      body: {
        name: 'Teamcrop',
        kind: 'teamcrop',
        verification: { type: 'header', header: 'X-Shop-Key', value: 'tiem-ban-42' },
      },
    });
    const headers = { ...json, 'Tc-Webhook-Event': 'customer.add' };
    expect((await post(source.ingestUrl, '{"full_name":"Lan"}', { ...headers, 'X-Shop-Key': 'nope' })).status).toBe(
      401,
    );
    const ok = await post(source.ingestUrl, '{"full_name":"Lan"}', { ...headers, 'X-Shop-Key': 'tiem-ban-42' });
    expect(ok.status).toBe(200);
    expect((await serve.api('getEvent', { params: { id: String(ok.json.id) } })).headers['x-shop-key']).toBe(
      '[redacted]',
    );
  });

  it('takes a shop key pasted with spaces around it as the key itself (HTTP strips them from every header)', async () => {
    const source = await serve.api('createSource', {
      body: {
        name: 'Pasted',
        kind: 'teamcrop',
        verification: { type: 'header', header: 'X-Shop-Key', value: '  shop key 123  ' },
      },
    });
    const headers = { ...json, 'Tc-Webhook-Event': 'customer.add', 'X-Shop-Key': 'shop key 123' };
    expect((await post(source.ingestUrl, '{"full_name":"Lan"}', headers)).status).toBe(200);
  });

  it('answers 413 to a body over the limit, which applies as soon as it is saved', async () => {
    const source = await serve.api('createSource', { body: { name: 'Big' } });
    await serve.api('putSettings', { body: { intake: { bodyLimitBytes: 2048 } } });
    try {
      const declared = await post(source.ingestUrl, 'x'.repeat(4096), { 'content-type': 'text/plain' });
      expect(declared.status).toBe(413);
      expect(declared.json.error).toBe(
        'The body is larger than the 2 KB limit. If this sender really sends events this large, raise the limit in Settings.',
      );
      expect((await post(source.ingestUrl, 'x'.repeat(1000), { 'content-type': 'text/plain' })).status).toBe(200);
    } finally {
      await serve.api('putSettings', { body: { intake: { bodyLimitBytes: 5 * 1024 * 1024 } } });
    }
    const rejected = await serve.api('listEvents', { query: { status: 'rejected', sourceId: source.id } });
    expect(rejected.items.map((item) => item.httpStatus)).toEqual([413]);
  });

  it('answers 413 to a 6 MB body under the default 5 MB limit', async () => {
    const answer = await post(pos, Buffer.alloc(6 * 1024 * 1024, 0x61), { 'content-type': 'application/octet-stream' });
    expect(answer.status).toBe(413);
    expect(answer.json.error).toMatch(/^The body is larger than the 5 MB limit/);
  });

  it('answers 429 to a flood from one source, logs a few of them, and leaves other sources alone', async () => {
    const flooded = await serve.api('createSource', { body: { name: 'Flood' } });
    const calm = await serve.api('createSource', { body: { name: 'Calm' } });
    await serve.api('putSettings', { body: { intake: { rateLimitPerMinute: 5 } } });
    try {
      const statuses: number[] = [];
      for (let n = 0; n < 30; n++) statuses.push((await post(flooded.ingestUrl, `{"n":${n}}`, json)).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
      expect((await post(calm.ingestUrl, '{"n":1}', json)).status).toBe(200);
    } finally {
      await serve.api('putSettings', { body: { intake: { rateLimitPerMinute: 1200 } } });
    }
    await sleep(50);
    const rejected = await serve.api('listEvents', { query: { status: 'rejected', sourceId: flooded.id, limit: 100 } });
    expect(rejected.items.length).toBe(10);
    expect(rejected.items.every((item) => item.httpStatus === 429 && /Too many requests/.test(item.reason!))).toBe(
      true,
    );
  });

  it('serves /healthz and nothing but intake', async () => {
    expect((await fetch(`${serve.runtime.ingestUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${serve.runtime.ingestUrl}/api/sources`)).status).toBe(404);
    expect((await fetch(`${serve.runtime.ingestUrl}/`)).status).toBe(404);
  });
});

describe('a fresh data dir', () => {
  it('gets one source named POS of kind generic', async () => {
    const serve = await startServe(tempDir());
    const sources = await serve.api('listSources');
    expect(sources.map(({ name, kind }) => ({ name, kind }))).toEqual([{ name: 'POS', kind: 'generic' }]);
    expect(sources[0]!.ingestUrl).toMatch(new RegExp(`^${serve.runtime.ingestUrl}/in/[A-Za-z0-9_-]{32}$`));
    await serve.stop();
  });
});
