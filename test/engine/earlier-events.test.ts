import { afterEach, describe, expect, it } from 'vitest';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

const invoiceOf = (body: Buffer) => (JSON.parse(body.toString('utf8')) as { invoice_id?: string }).invoice_id;

/**
 * Orders that came before a destination took them reach it when the shopkeeper asks, from its card: exactly
 * those it takes and never had, once each, to it and to no other. Before, each had to be opened in the Live log
 * and sent with Resend to all, which sent it again to every other destination too. Real serve, real HTTP.
 */
describe('sending earlier events to a new destination (real serve process)', () => {
  it('sends the earlier orders it takes once, to it alone; tests and other kinds stay', async () => {
    const shop = await startSink();
    serve = await startServe(tempDir());
    const first = await serve.api('createDestination', {
      body: { name: 'Sổ bán hàng', url: shop.url, events: ['order.add'] },
    });
    const posUrl = await serve.posUrl();
    const earlier: string[] = [];
    for (const invoice of ['HD-1', 'HD-2'])
      earlier.push(String((await post(posUrl, order(invoice), orderAdd)).json.id));
    // A kind the new destination does not take, and a test event, which is no order.
    await post(posUrl, order('HD-U'), { ...orderAdd, 'Tc-Webhook-Event': 'order.update' });
    await serve.api('testDestination', { params: { id: first.id } });
    await shop.waitFor(3);

    const books = await startSink();
    const added = await serve.api('createDestination', {
      body: { name: 'Kế toán', url: books.url, events: ['order.add', 'hookferry.*'] },
    });
    // Routed as it came: never among the earlier ones.
    await post(posUrl, order('HD-3'), orderAdd);
    await books.waitFor(1);
    await shop.waitFor(4);
    expect(await serve.api('earlierEvents', { params: { id: added.id } })).toEqual({ day: 2, week: 2, all: 2 });

    expect(await serve.api('sendEarlier', { params: { id: added.id }, body: { window: 'week' } })).toEqual({
      queued: 2,
      paused: false,
    });
    await books.waitFor(3);
    await waitUntil(async () => {
      const events = await Promise.all(earlier.map((id) => serve!.api('getEvent', { params: { id } })));
      return events.every((event) =>
        event.deliveries.some((delivery) => delivery.destinationId === added.id && delivery.status === 'delivered'),
      );
    }, 'the earlier orders delivered to the new destination');

    // Pressed again: nothing is left to send.
    expect(await serve.api('earlierEvents', { params: { id: added.id } })).toEqual({ day: 0, week: 0, all: 0 });
    expect(await serve.api('sendEarlier', { params: { id: added.id }, body: { window: 'all' } })).toEqual({
      queued: 0,
      paused: false,
    });
    expect(books.received.map((request) => invoiceOf(request.body)).sort()).toEqual(['HD-1', 'HD-2', 'HD-3']);
    // The first destination got only what it got as they came: HD-1, HD-2, the test and HD-3.
    expect(shop.received).toHaveLength(4);
  });

  it('queues them to a paused destination, to go once it is resumed; a deleted one is refused', async () => {
    const sink = await startSink();
    serve = await startServe(tempDir());
    const posUrl = await serve.posUrl();
    for (const invoice of ['HD-1', 'HD-2']) await post(posUrl, order(invoice), orderAdd);
    const paused = await serve.api('createDestination', {
      body: { name: 'Kế toán', url: sink.url, events: ['order.*'], paused: true },
    });
    expect(await serve.api('earlierEvents', { params: { id: paused.id } })).toMatchObject({ all: 2 });
    expect(await serve.api('sendEarlier', { params: { id: paused.id }, body: { window: 'day' } })).toEqual({
      queued: 2,
      paused: true,
    });
    expect(await serve.api('earlierEvents', { params: { id: paused.id } })).toMatchObject({ all: 0 });
    await serve.api('updateDestination', { params: { id: paused.id }, body: { paused: false } });
    await sink.waitFor(2);

    await serve.api('deleteDestination', { params: { id: paused.id } });
    // Asked by a page whose card of it was read before the deletion: nothing, not a 404 in its console.
    expect(await serve.api('earlierEvents', { params: { id: paused.id } })).toEqual({ day: 0, week: 0, all: 0 });
    await expect(serve.api('earlierEvents', { params: { id: 'dst_never' } })).rejects.toThrow(/no such destination/);
    await expect(serve.api('sendEarlier', { params: { id: paused.id }, body: { window: 'all' } })).rejects.toThrow(
      /no such destination/,
    );
  });
});
