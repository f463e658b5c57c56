import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

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
  it('is the stored event again, whatever its delivery id says, for as long as the original is kept', async () => {
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

    // Once retention has removed the original, there is nothing left to compare with: the body is taken as new.
    await serve.stop();
    const emptied = new Database(join(dataDir, 'hookferry.db'));
    emptied.prepare('DELETE FROM events WHERE id = ?').run(original.json.id);
    emptied.close();
    serve = await startServe(dataDir);
    const afterRetention = await shopifyPost(await shopUrl(), order, 'evt-1001');
    expect(afterRetention.status).toBe(200);
    expect(afterRetention.json.duplicate).toBeUndefined();
    expect(afterRetention.json.id).not.toBe(original.json.id);
    await serve.stop();
  });
});
