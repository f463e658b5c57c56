import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const SECRET = 'shopify-webhook-secret';
const DAY = 24 * 60 * 60 * 1000;

/** A Shopify order webhook as Shopify signs it: the body only, no time, no delivery id. */
function shopifyPost(url: string, body: string, eventId: string | null) {
  return post(url, body, {
    'content-type': 'application/json',
    'X-Shopify-Topic': 'orders/create',
    'X-Shopify-Hmac-Sha256': createHmac('sha256', SECRET).update(body).digest('base64'),
    ...(eventId ? { 'X-Shopify-Event-Id': eventId } : {}),
  });
}

describe('a signed request replayed days later (real serve; the clock moved through the stored arrival time)', () => {
  it('is the stored event again, whatever its delivery id says, and known after retention has removed the original', async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir);
    const shop = await serve.api('createSource', {
      body: { name: 'Web shop', kind: 'shopify', verification: { type: 'hmac', secret: SECRET } },
    });
    const order = JSON.stringify({ id: 820982911946154500, name: '#1001', total_price: '936200.00' });
    const original = await shopifyPost(shop.ingestUrl, order, 'evt-1001');
    expect(original.status).toBe(200);
    // POS traffic is not signed: the same body from it is new after 24 hours, as before.
    const pos = await serve.posUrl();
    const unsigned = await post(pos, order, { 'content-type': 'application/json', 'X-Event-Type': 'order.add' });
    await serve.stop();

    // Three days pass: the events were received three days ago.
    const db = new Database(join(dataDir, 'hookferry.db'));
    db.prepare('UPDATE events SET received_at = received_at - ?').run(3 * DAY);
    db.close();
    serve = await startServe(dataDir);
    // Each start listens on another free port.
    const shopUrl = async () => (await serve.api('listSources')).find((source) => source.id === shop.id)!.ingestUrl;

    for (const eventId of ['evt-1001', 'evt-forged-2', null]) {
      const replay = await shopifyPost(await shopUrl(), order, eventId);
      expect([eventId, replay.status, replay.json]).toEqual([eventId, 200, { id: original.json.id, duplicate: true }]);
    }
    const again = await post(await serve.posUrl(), order, {
      'content-type': 'application/json',
      'X-Event-Type': 'order.add',
    });
    expect(again.json.id).not.toBe(unsigned.json.id);
    const orders = await serve.api('listEvents', { query: { sourceId: shop.id } });
    expect(orders.items.map((event) => [event.id, event.duplicates])).toEqual([[original.json.id, 3]]);

    // Retention removes the original (kept 1 day here, the order 3 days old), through its own sweep at the start.
    // The signature carries no time to refuse the copy by: what the event left behind is enough to know it again.
    await serve.api('putSettings', { body: { retentionDays: 1 } });
    await serve.stop();
    serve = await startServe(dataDir);
    await waitUntil(
      async () => (await serve.api('listEvents', { query: { sourceId: shop.id } })).items.length === 0,
      'retention removing the original',
    );
    for (const eventId of ['evt-1001', 'evt-forged-3', null]) {
      const replay = await shopifyPost(await shopUrl(), order, eventId);
      expect([eventId, replay.status, replay.json]).toEqual([eventId, 200, { id: original.json.id, duplicate: true }]);
    }
    expect((await serve.api('listEvents', { query: { sourceId: shop.id } })).items).toEqual([]);
    // A new order from the shop is still new, and so is the unsigned POS body, as before.
    const next = await shopifyPost(await shopUrl(), order.replace('#1001', '#1002'), 'evt-1002');
    expect([next.status, next.json.duplicate]).toEqual([200, undefined]);
    // Deleting the source forgets what its events left behind.
    await serve.api('deleteSource', { params: { id: shop.id } });
    const db2 = new Database(join(dataDir, 'hookferry.db'), { readonly: true });
    expect(db2.prepare('SELECT count(*) AS n FROM signed_seen').get()).toEqual({ n: 0 });
    db2.close();
    await serve.stop();
  });
});
