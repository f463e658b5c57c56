import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from '../helpers/fixtures.js';
import { SERVE_ENTRY, type ServeProcess, startServe } from '../helpers/serve-process.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** Free ports, or three from HOOKFERRY_TEST_PORT_BASE on (a machine that hands each runner its own range). */
const base = Number(process.env.HOOKFERRY_TEST_PORT_BASE ?? 0);
const WC_SECRET = 'wc-secret';
const SHOPIFY_SECRET = 'shopify-secret';
const json = { 'content-type': 'application/json' };
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64');

/**
 * A delivery id names a sender's delivery, not what it carries: WooCommerce's is a hash of the webhook's id and the
 * second it was sent (`wp_hash($webhook_id . strtotime('now'))`), so each order one webhook sends within that
 * second carries the same one; Shopify's event id is shared by the topics one event triggers; a generic sender may
 * reuse its `webhook-id`. Only the same id with the same type and body is a copy.
 */
describe('a delivery id reused for another event (real serve, a real destination)', () => {
  let serve: ServeProcess;
  let sink: Sink;

  beforeAll(async () => {
    serve = base
      ? await startServe(
          tempDir(),
          ['--port', String(base), '--admin-port', String(base + 1)],
          SERVE_ENTRY,
          {},
          'settings',
          'settings',
        )
      : await startServe(tempDir());
    sink = await startSink(base ? base + 2 : 0);
    await serve.api('createDestination', {
      body: {
        name: 'Books',
        url: sink.url,
        retry: { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
  });
  afterAll(async () => {
    await serve?.stop();
  });

  /** The bodies the destination received for these events, by the event id each carried. */
  const deliveredBodies = async (ids: string[]) => {
    await waitUntil(
      () => ids.every((id) => sink.received.some((request) => request.headers['webhook-id'] === id)),
      `the destination receiving ${ids.join(', ')}`,
    );
    return ids.map((id) => sink.received.find((request) => request.headers['webhook-id'] === id)!.body.toString());
  };

  it('stores and forwards two WooCommerce orders sent in one second under one delivery id; a true copy is still one', async () => {
    const woo = await serve.api('createSource', {
      body: { name: 'Woo', kind: 'woocommerce', verification: { type: 'hmac', secret: WC_SECRET } },
    });
    const wooPost = (body: string) =>
      post(woo.ingestUrl, body, {
        ...json,
        'X-WC-Webhook-Topic': 'order.created',
        'X-WC-Webhook-Delivery-ID': 'c0ffee5d7b0a1e2f3a4b5c6d7e8f9012',
        'X-WC-Webhook-Signature': sign(WC_SECRET, body),
      });
    const first = '{"id":1001,"number":"1001","total":"250000","currency":"VND"}';
    const second = '{"id":1002,"number":"1002","total":"99000","currency":"VND"}';
    const a = await wooPost(first);
    const b = await wooPost(second);
    expect([a.status, a.json.duplicate, b.status, b.json.duplicate]).toEqual([200, undefined, 200, undefined]);
    expect(b.json.id).not.toBe(a.json.id);
    expect(await deliveredBodies([String(a.json.id), String(b.json.id)])).toEqual([first, second]);

    // The same id with the same body is the sender's copy: answered as the first, counted, not stored or sent again.
    const again = await wooPost(first);
    expect(again).toEqual({ status: 200, json: { id: a.json.id, duplicate: true } });
    const page = await serve.api('listEvents', { query: { sourceId: woo.id } });
    expect(page.items.map((event) => [event.id, event.duplicates]).sort()).toEqual(
      [
        [a.json.id, 1],
        [b.json.id, 0],
      ].sort(),
    );
    const stored = await serve.api('getEvent', { params: { id: String(a.json.id) } });
    expect(stored.deliveries).toHaveLength(1);
  });

  it('stores one Shopify event id under two topics (an order created already paid) as two events', async () => {
    const shop = await serve.api('createSource', {
      body: { name: 'Shop', kind: 'shopify', verification: { type: 'hmac', secret: SHOPIFY_SECRET } },
    });
    const order = '{"id":820982911946154508,"name":"#1003","total_price":"150000.00","financial_status":"paid"}';
    const shopifyPost = (topic: string) =>
      post(shop.ingestUrl, order, {
        ...json,
        'X-Shopify-Topic': topic,
        'X-Shopify-Event-Id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
        'X-Shopify-Hmac-Sha256': sign(SHOPIFY_SECRET, order),
      });
    const created = await shopifyPost('orders/create');
    const paid = await shopifyPost('orders/paid');
    expect([created.json.duplicate, paid.json.duplicate]).toEqual([undefined, undefined]);
    expect(paid.json.id).not.toBe(created.json.id);
    expect(await deliveredBodies([String(created.json.id), String(paid.json.id)])).toEqual([order, order]);
    const page = await serve.api('listEvents', { query: { sourceId: shop.id } });
    expect(page.items.map((event) => event.type).sort()).toEqual(['orders/create', 'orders/paid']);
  });

  it('stores a generic webhook-id reused with another body as a new event', async () => {
    const other = await serve.api('createSource', { body: { name: 'Booking site', kind: 'generic' } });
    const genericPost = (body: string) =>
      post(other.ingestUrl, body, {
        ...json,
        'X-Event-Type': 'booking.created',
        'webhook-id': 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      });
    const first = await genericPost('{"booking":"B-1","guests":2}');
    const second = await genericPost('{"booking":"B-2","guests":4}');
    expect([first.json.duplicate, second.json.duplicate]).toEqual([undefined, undefined]);
    expect(second.json.id).not.toBe(first.json.id);
    await deliveredBodies([String(first.json.id), String(second.json.id)]);
    const copy = await genericPost('{"booking":"B-2","guests":4}');
    expect(copy.json).toEqual({ id: second.json.id, duplicate: true });
    expect((await serve.api('listEvents', { query: { sourceId: other.id } })).items).toHaveLength(2);
  });
});
