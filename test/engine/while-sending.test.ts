import { afterEach, describe, expect, it } from 'vitest';
import type { ApiCallError } from '../../main/api/client.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { listen } from '../helpers/live-stream.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * What the merchant does to an order while a try of it is on the wire (discard it, resend it, delete its
 * destination) is answered with what happens, and the order's status, the figures, a resend's progress and the live
 * stream say what came of that try. Each receiver holds its answer until the test has acted, over real HTTP.
 */

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

/** A receiver that holds the tries it is told to until `release`, answering 200. */
async function heldReceiver(hold: (index: number) => boolean = () => true) {
  const sink = await startSink();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  sink.script((_, index) => (hold(index) ? { until: held, status: 200 } : { status: 200 }));
  return { sink, release };
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the call was accepted');
    },
    (error: ApiCallError) => [error.status, error.message] as const,
  );

/** The event once its one delivery is on the wire. */
function onTheWire(engine: ServeProcess, eventId: string) {
  return waitUntil(async () => {
    const [delivery] = (await engine.api('getEvent', { params: { id: eventId } })).deliveries;
    return delivery?.status === 'delivering' ? delivery : null;
  }, 'the delivery on the wire');
}

function eventWhen(engine: ServeProcess, eventId: string, status: string) {
  return waitUntil(async () => {
    const event = await engine.api('getEvent', { params: { id: eventId } });
    return event.status === status ? event : null;
  }, `the event ${status}`);
}

const DISCARD_REFUSED =
  'This event is being sent to Sổ bán hàng right now, so it was not discarded: it may arrive there. Wait a moment for the result: if that try fails, you can discard it then; if it goes through, there is nothing to discard.';

describe('a delivery on the wire (real serve process)', () => {
  it('is not discarded: the discard is refused with a sentence, and the try that went through makes it delivered', async () => {
    const { sink, release } = await heldReceiver();
    serve = await startServe(tempDir());
    const destination = await serve.api('createDestination', {
      body: { name: 'Sổ bán hàng', url: sink.url, events: ['order.add'] },
    });
    const live = await listen(serve);
    const id = String((await post(await serve.posUrl(), order('HD-1'), orderAdd)).json.id);
    await sink.waitFor(1);
    const out = await onTheWire(serve, id);
    // Before: 200, and the order was said discarded while it arrived.
    expect(await refusalOf(serve.api('discardDelivery', { params: { id: out.id } }))).toEqual([409, DISCARD_REFUSED]);
    // The destination's Discard takes what waits in Failed, never a delivery on the wire.
    expect(await serve.api('discardFailed', { params: { id: destination.id }, body: {} })).toEqual({ discarded: 0 });
    expect((await serve.api('getStats')).deliveries.delivering).toBe(1);
    release();
    const event = await eventWhen(serve, id, 'delivered');
    expect(event.deliveries.map((d) => [d.status, d.attemptCount, d.attempts.map((a) => a.httpStatus)])).toEqual([
      ['delivered', 1, [200]],
    ]);
    const stats = await serve.api('getStats');
    expect([stats.today.delivered, stats.today.discarded, stats.deliveries.delivering]).toEqual([1, 0, 0]);
    await waitUntil(
      () => live.messages.some((m) => m.type === 'delivery' && m.eventId === id && m.attempt !== null),
      'the result on the stream',
    );
    const told = live.messages.flatMap((m) => (m.type === 'delivery' && m.eventId === id ? [m] : []));
    live.stop();
    expect(told.map((m) => [m.delivery.status, m.eventStatus])).toEqual([['delivered', 'delivered']]);
    expect(sink.received).toHaveLength(1);
  });

  it('of a resend batch is not discarded either: the batch counts it delivered', async () => {
    const sink = await startSink();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    sink.script((_, index) => (index === 0 ? { status: 503 } : { until: held, status: 200 }));
    serve = await startServe(tempDir());
    const destination = await serve.api('createDestination', {
      body: { name: 'Sổ bán hàng', url: sink.url, events: ['order.add'], retry: once },
    });
    const id = String((await post(await serve.posUrl(), order('HD-2'), orderAdd)).json.id);
    await eventWhen(serve, id, 'failed');
    const { batchId } = await serve.api('resendFailed', { params: { id: destination.id }, body: {} });
    await sink.waitFor(2);
    const out = await onTheWire(serve, id);
    expect(await refusalOf(serve.api('discardDelivery', { params: { id: out.id } }))).toEqual([409, DISCARD_REFUSED]);
    release();
    await eventWhen(serve, id, 'delivered');
    const batch = await waitUntil(async () => {
      const found = (await serve!.api('listResendBatches')).find((b) => b.id === batchId);
      return found?.finishedAt ? found : null;
    }, 'the resend finished');
    expect([batch.delivered, batch.failed, batch.discarded, batch.waiting]).toEqual([1, 0, 0, 0]);
  });

  it('is not queued again by a resend of its event: the answer counts it apart, as being sent now', async () => {
    const onWire = await heldReceiver();
    const quick = await startSink();
    serve = await startServe(tempDir());
    const slow = await serve.api('createDestination', {
      body: { name: 'Slow', url: onWire.sink.url, events: ['order.add'] },
    });
    await serve.api('createDestination', { body: { name: 'Quick', url: quick.url, events: ['order.add'] } });
    const id = String((await post(await serve.posUrl(), order('HD-3'), orderAdd)).json.id);
    await onWire.sink.waitFor(1);
    await quick.waitFor(1);
    await waitUntil(async () => {
      const { deliveries } = await serve!.api('getEvent', { params: { id } });
      return (
        deliveries
          .map((d) => d.status)
          .sort()
          .join() === 'delivered,delivering'
      );
    }, 'one delivered, one on the wire');
    // Before: {"queued":2}, while only the quick one was sent again; and {"queued":1} for the slow one alone.
    expect(await serve.api('resendEvent', { params: { id }, body: { evenIfDelivered: true } })).toEqual({
      queued: 1,
      sending: 1,
      waiting: 0,
    });
    expect(await serve.api('resendEvent', { params: { id }, body: { destinationIds: [slow.id] } })).toEqual({
      queued: 0,
      sending: 1,
      waiting: 0,
    });
    await quick.waitFor(2);
    onWire.release();
    const event = await eventWhen(serve, id, 'delivered');
    expect(event.deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered']);
    expect([onWire.sink.received.length, quick.received.length]).toEqual([1, 2]);
  });

  it('deleted with its destination says whether it arrived: not known while the try is out, then that it did', async () => {
    const { sink, release } = await heldReceiver();
    serve = await startServe(tempDir());
    const destination = await serve.api('createDestination', {
      body: { name: 'Sổ bán hàng', url: sink.url, events: ['order.add'] },
    });
    const live = await listen(serve);
    const id = String((await post(await serve.posUrl(), order('HD-4'), orderAdd)).json.id);
    await sink.waitFor(1);
    await onTheWire(serve, id);
    await serve.api('deleteDestination', { params: { id: destination.id } });
    const meanwhile = await serve.api('getEvent', { params: { id } });
    // Before: "deleted before the event was delivered there", which the receiver's 200 then belied. Its delivery is
    // kept (before, it went with its destination and the event said this in its place).
    expect(meanwhile.status).toBe('discarded');
    expect(meanwhile.deliveries.map((d) => [d.destinationDeleted, d.status, d.lastReason?.code, d.lastError])).toEqual([
      [
        true,
        'discarded',
        'deleted.whileSending',
        'This destination was deleted while the event was being sent there, so the event was given up here. Whether that last try arrived is not known: ask whoever runs that receiver.',
      ],
    ]);
    release();
    const after = await eventWhen(serve, id, 'delivered');
    expect(after.deliveries.map((d) => [d.destinationName, d.destinationDeleted, d.status, d.lastReason])).toEqual([
      ['Sổ bán hàng', true, 'delivered', null],
    ]);
    expect(after.routing).toBeNull();
    const stats = await serve.api('getStats');
    expect([stats.today.delivered, stats.today.discarded]).toEqual([1, 0]);
    await waitUntil(
      () => live.messages.some((m) => m.type === 'delivery' && m.eventId === id && m.eventStatus === 'delivered'),
      'the stream told it delivered',
    );
    live.stop();
    expect(serve.output()).not.toMatch(/result was not kept|could not be recorded/);
  });

  it('deleted with its destination, and that try failing, says it did not arrive', async () => {
    const sink = await startSink();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    sink.script(() => ({ until: held, status: 500 }));
    serve = await startServe(tempDir());
    const destination = await serve.api('createDestination', {
      body: { name: 'Sổ bán hàng', url: sink.url, events: ['order.add'] },
    });
    const id = String((await post(await serve.posUrl(), order('HD-5'), orderAdd)).json.id);
    await sink.waitFor(1);
    await onTheWire(serve, id);
    await serve.api('deleteDestination', { params: { id: destination.id } });
    release();
    const after = await waitUntil(async () => {
      const event = await serve!.api('getEvent', { params: { id } });
      return event.deliveries[0]?.lastReason?.code === 'deleted.notArrived' ? event : null;
    }, 'the event saying the try did not go through');
    expect(after.status).toBe('discarded');
    // Before: "deleted before the event got there", over the try that had gone out to it.
    expect(after.deliveries[0]!.lastError).toBe(
      'This destination was deleted while the event was being sent there, and that try did not go through, so the event was given up here.',
    );
    expect(after.deliveries[0]!.attempts.map((attempt) => attempt.httpStatus)).toEqual([500]);
  });
});
