import { afterEach, describe, expect, it } from 'vitest';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A delivery id names one order at one destination for good: after its destination is deleted (its deliveries kept
 * as history), the next delivery made gets another id, so an action meant for the old one (a tab still showing it)
 * never reaches a new order.
 */

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

async function eventOf(engine: ServeProcess, invoice: string) {
  const id = String((await post(await engine.posUrl(), order(invoice), orderAdd)).json.id);
  return waitUntil(async () => {
    const event = await engine.api('getEvent', { params: { id } });
    return event.deliveries.length ? event : null;
  }, `the delivery of ${invoice}`);
}

describe('delivery ids after a destination is deleted (real serve, receivers on 127.0.0.1)', () => {
  it('are not given again: a discard of the old delivery reaches only it, and leaves the new order alone', async () => {
    const failing = await startSink();
    failing.script(() => ({ status: 500 }));
    serve = await startServe(tempDir());
    const x = await serve.api('createDestination', {
      body: { name: 'X', url: failing.url, events: ['order.add'], retry: once },
    });
    const first = await eventOf(serve, 'HD-1');
    const failed = await waitUntil(async () => {
      const [delivery] = (await serve!.api('getEvent', { params: { id: first.id } })).deliveries;
      return delivery?.status === 'failed' ? delivery : null;
    }, 'the delivery failed at X');
    await serve.api('deleteDestination', { params: { id: x.id } });
    const quiet = await startSink();
    await serve.api('createDestination', {
      body: { name: 'Y', url: quiet.url, events: ['order.add'], paused: true },
    });
    const second = await eventOf(serve, 'HD-2');
    const [made] = second.deliveries;
    // Before: the same id, and the discard meant for X's delivery discarded Y's new order.
    expect(made!.id).not.toBe(failed.id);
    // Kept as history, given up at the deletion: the discard changes nothing of it, nor of the new order.
    expect(await serve.api('discardDelivery', { params: { id: failed.id } })).toMatchObject({
      destinationName: 'X',
      destinationDeleted: true,
      status: 'discarded',
    });
    const [after] = (await serve.api('getEvent', { params: { id: second.id } })).deliveries;
    expect([after!.status, after!.paused]).toEqual(['pending', true]);
  });

  it('are not taken for a try still on the wire to the deleted destination', async () => {
    const held = await startSink();
    let release!: () => void;
    const answer = new Promise<void>((resolve) => (release = resolve));
    held.script(() => ({ until: answer, status: 200 }));
    serve = await startServe(tempDir());
    const x = await serve.api('createDestination', { body: { name: 'X', url: held.url, events: ['order.add'] } });
    const first = await eventOf(serve, 'HD-1');
    await held.waitFor(1);
    const out = await waitUntil(async () => {
      const [delivery] = (await serve!.api('getEvent', { params: { id: first.id } })).deliveries;
      return delivery?.status === 'delivering' ? delivery : null;
    }, 'the try on the wire');
    await serve.api('deleteDestination', { params: { id: x.id } });
    const quiet = await startSink();
    const y = await serve.api('createDestination', {
      body: { name: 'Y', url: quiet.url, events: ['order.add'], paused: true },
    });
    const second = await eventOf(serve, 'HD-2');
    const [made] = second.deliveries;
    // Before: X's try, still out under the same id, made Y's paused order "delivering", refused its discard, and
    // answered its resend as already being sent. It already waits there (paused): not queued twice, said so.
    expect([made!.id === out.id, made!.status, made!.paused]).toEqual([false, 'pending', true]);
    expect(await serve.api('resendEvent', { params: { id: second.id }, body: { destinationIds: [y.id] } })).toEqual({
      queued: 0,
      sending: 0,
      waiting: 1,
    });
    expect(await serve.api('discardDelivery', { params: { id: made!.id } })).toMatchObject({ status: 'discarded' });
    release();
    await waitUntil(async () => {
      const [delivery] = (await serve!.api('getEvent', { params: { id: first.id } })).deliveries;
      return delivery?.status === 'delivered' && delivery.destinationDeleted;
    }, 'the first event saying its try arrived at the deleted X');
    const [kept] = (await serve.api('getEvent', { params: { id: second.id } })).deliveries;
    expect([kept!.status, kept!.attemptCount, kept!.attempts]).toEqual(['discarded', 0, []]);
    expect(quiet.received).toHaveLength(0);
  });
});
