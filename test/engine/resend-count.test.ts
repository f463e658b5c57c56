import { afterEach, describe, expect, it } from 'vitest';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

/**
 * A resend answers only what it queued: one an earlier resend (a bulk one from Failed) queued already waits, is not
 * queued twice, and is counted apart. Before, Resend to all in the drawer answered `{"queued":1}` for it and said
 * "Queued again for 1 destination" at every press, while nothing more was queued. Real serve, real HTTP.
 */
describe('what a resend counts (real serve process)', () => {
  it('counts apart what an earlier resend queued, and sends it once', async () => {
    const sink = await startSink();
    sink.script((_, index) => (index < 3 ? { status: 500 } : { status: 200 }));
    serve = await startServe(tempDir());
    const shop = await serve.api('createDestination', {
      body: { name: 'Sổ bán hàng', url: sink.url, events: ['order.add'], retry: once },
    });
    const ids: string[] = [];
    for (const invoice of ['HD-1', 'HD-2', 'HD-3'])
      ids.push(String((await post(await serve.posUrl(), order(invoice), orderAdd)).json.id));
    await waitUntil(async () => (await serve!.api('getStats')).deliveries.failed === 3, 'three failed');
    // Paused, so what is resent waits: the answers below are read while it is queued.
    await serve.api('updateDestination', { params: { id: shop.id }, body: { paused: true } });

    expect(await serve.api('resendFailed', { params: { id: shop.id }, body: {} })).toMatchObject({ queued: 3 });
    expect(await serve.api('resendFailed', { params: { id: shop.id }, body: {} })).toEqual({
      queued: 0,
      batchId: null,
    });
    const [first] = ids;
    expect(await serve.api('resendEvent', { params: { id: first! }, body: {} })).toEqual({
      queued: 0,
      sending: 0,
      waiting: 1,
    });
    expect(await serve.api('resendEvent', { params: { id: first! }, body: { destinationIds: [shop.id] } })).toEqual({
      queued: 0,
      sending: 0,
      waiting: 1,
    });

    // A destination added since: queued for the first time there, the one waiting counted apart.
    const other = await startSink();
    await serve.api('createDestination', { body: { name: 'Kế toán', url: other.url, events: ['order.add'] } });
    expect(await serve.api('resendEvent', { params: { id: first! }, body: {} })).toEqual({
      queued: 1,
      sending: 0,
      waiting: 1,
    });
    await other.waitFor(1);

    // Resumed, each goes once.
    await serve.api('updateDestination', { params: { id: shop.id }, body: { paused: false } });
    await waitUntil(
      async () => (await serve!.api('getStats')).deliveries.failed === 0 && sink.received.length >= 6,
      'sent',
    );
    await waitUntil(
      async () =>
        (await Promise.all(ids.map((id) => serve!.api('getEvent', { params: { id } })))).every(
          (e) => e.status === 'delivered',
        ),
      'all delivered',
    );
    expect(sink.received.map((request) => request.headers['webhook-id']).sort()).toEqual([...ids, ...ids].sort());
    expect(other.received).toHaveLength(1);
  });
});
