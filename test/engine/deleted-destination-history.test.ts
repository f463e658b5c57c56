import { afterEach, describe, expect, it } from 'vitest';
import type { ApiCallError } from '../../main/api/client.js';
import { eventOutcomes } from '../../main/api/contract.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A deleted destination keeps its history. Before, its deliveries and their tries went with it and its events were
 * summed up again from what was left: an order delivered at one destination and failed at the deleted one read
 * "Delivered" everywhere, its three 500s gone from its drawer.
 */

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

// Before: "deleted before the event got there", over its three failed tries, and "Resend to all sends it to the
// destinations that take it now" where every one had it already (the drawer says that, only when it is so).
const GIVEN_UP =
  'This destination was deleted while the event waited there after tries that did not go through, so the event was given up here; those tries are listed below.';

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the call was accepted');
    },
    (error: ApiCallError) => [error.status, error.message] as const,
  );

function eventWhen(engine: ServeProcess, id: string, outcome: string) {
  return waitUntil(async () => {
    const event = await engine.api('getEvent', { params: { id } });
    return event.outcome === outcome ? event : null;
  }, `event ${id} becoming ${outcome}`);
}

/** The day's figures as the overview reads them, and the same counted from every event the API lists. */
async function figuresAndRecount(engine: ServeProcess) {
  const { today } = await engine.api('getStats');
  const { items } = await engine.api('listEvents', { query: { limit: 200 } });
  const recount: Record<string, number> = {};
  for (const item of items) recount[item.outcome] = (recount[item.outcome] ?? 0) + 1;
  const shown: Record<string, number> = {};
  for (const outcome of eventOutcomes) {
    const figure = (today as Record<string, number>)[outcome] ?? 0;
    if (figure > 0) shown[outcome] = figure;
  }
  return { shown, recount };
}

describe('a deleted destination keeps its history (real serve, receivers on 127.0.0.1)', () => {
  it('gives up what waited there, keeps its tries, and leaves the events what they were elsewhere', async () => {
    const good = await startSink();
    const broken = await startSink();
    broken.script(() => ({ status: 500 }));
    serve = await startServe(tempDir());
    const pos = await serve.posUrl();
    await serve.api('createDestination', { body: { name: 'Good CRM', url: good.url, events: ['order.add'] } });
    const sheet = await serve.api('createDestination', {
      body: {
        name: 'Broken Sheet',
        url: broken.url,
        events: ['order.add'],
        retry: { maxAttempts: 3, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
    const first = String((await post(pos, order('INV-001'), orderAdd)).json.id);
    const second = String((await post(pos, order('INV-002'), orderAdd)).json.id);
    await eventWhen(serve, first, 'partlyDelivered');
    await eventWhen(serve, second, 'partlyDelivered');
    const [firstAtSheet] = (await serve.api('getEvent', { params: { id: first } })).deliveries.filter(
      (delivery) => delivery.destinationId === sheet.id,
    );
    await serve.api('discardDelivery', { params: { id: firstAtSheet!.id } });
    await eventWhen(serve, first, 'partlyDiscarded');

    await serve.api('deleteDestination', { params: { id: sheet.id } });

    for (const id of [first, second]) {
      const event = await serve.api('getEvent', { params: { id } });
      // Before: delivered, with Broken Sheet and its three 500s gone from the drawer.
      expect([event.status, event.outcome]).toEqual(['discarded', 'partlyDiscarded']);
      expect(
        event.deliveries.map((delivery) => [
          delivery.destinationName,
          delivery.destinationDeleted,
          delivery.status,
          delivery.attempts.map((attempt) => attempt.httpStatus),
        ]),
      ).toEqual([
        ['Good CRM', false, 'delivered', [200]],
        ['Broken Sheet', true, 'discarded', [500, 500, 500]],
      ]);
    }
    // Given up by the merchant before, it keeps no other reason; the one left in Failed says why it was given up.
    const kept = (await serve.api('getEvent', { params: { id: second } })).deliveries[1]!;
    expect([kept.lastReason?.code, kept.lastError]).toEqual(['deleted.afterTries', GIVEN_UP]);
    const { items } = await serve.api('listEvents', { query: { status: 'delivered' } });
    expect(items).toEqual([]);
    const { shown, recount } = await figuresAndRecount(serve);
    expect(shown).toEqual({ partlyDiscarded: 2 });
    expect(recount).toEqual(shown);

    // Nothing lists it, sends to it, or counts it; its name is free.
    expect((await serve.api('listDestinations')).map((destination) => destination.name)).toEqual(['Good CRM']);
    const stats = await serve.api('getStats');
    expect(stats.destinations.map((destination) => destination.name)).toEqual(['Good CRM']);
    expect(stats.deliveries.failed).toBe(0);
    expect((await serve.api('deliveryCounts', { query: { status: 'failed' } })).destinations).toEqual([]);
    expect(
      await refusalOf(serve.api('updateDestination', { params: { id: sheet.id }, body: { paused: true } })),
    ).toEqual([404, 'There is no such destination; it may have been deleted.']);
    expect(
      await refusalOf(serve.api('resendEvent', { params: { id: second }, body: { destinationIds: [sheet.id] } })),
    ).toEqual([
      409,
      '“Broken Sheet” was deleted, so nothing was sent there. Its history stays in this event; Resend to all sends it to the destinations that take it now.',
    ]);
    expect((await refusalOf(serve.api('resendDelivery', { params: { id: kept.id } })))[0]).toBe(409);
    // Resend to all passes it by: Good CRM has it, so nothing is sent anywhere.
    const [status, sentence] = await refusalOf(serve.api('resendEvent', { params: { id: second }, body: {} }));
    expect([status, sentence.startsWith('“Good CRM” already confirmed')]).toEqual([409, true]);
    const third = String((await post(pos, order('INV-003'), orderAdd)).json.id);
    await eventWhen(serve, third, 'delivered');
    expect((await serve.api('getEvent', { params: { id: third } })).deliveries).toHaveLength(1);
    expect(broken.received).toHaveLength(6);

    const again = await serve.api('createDestination', {
      body: { name: 'Broken Sheet', url: good.url, events: ['order.add'] },
    });
    expect(again.id).not.toBe(sheet.id);
    expect((await serve.api('exportConfig')).destinations.map((destination) => destination.name)).toEqual([
      'Good CRM',
      'Broken Sheet',
    ]);
    const { shown: after, recount: recountAfter } = await figuresAndRecount(serve);
    expect(recountAfter).toEqual(after);
  });

  it('says an event not sent there yet was given up before it was sent there', async () => {
    const sink = await startSink();
    serve = await startServe(tempDir());
    const till = await serve.api('createDestination', {
      body: { name: 'Kế toán', url: sink.url, events: ['order.add'], paused: true },
    });
    const id = String((await post(await serve.posUrl(), order('HD-7'), orderAdd)).json.id);
    await serve.api('deleteDestination', { params: { id: till.id } });
    const [delivery] = (await serve.api('getEvent', { params: { id } })).deliveries;
    expect([delivery?.status, delivery?.attempts.length, delivery?.lastReason?.code, delivery?.lastError]).toEqual([
      'discarded',
      0,
      'deleted.beforeArrival',
      'This destination was deleted before the event was sent there, so the event was given up here.',
    ]);
    expect(sink.received).toHaveLength(0);
  });

  it('writes the end of a try out at deletion on the kept delivery: arrived, it is delivered', async () => {
    const sink = await startSink();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    sink.script(() => ({ until: held, status: 200 }));
    serve = await startServe(tempDir());
    const destination = await serve.api('createDestination', {
      body: { name: 'Sổ bán hàng', url: sink.url, events: ['order.add'] },
    });
    const id = String((await post(await serve.posUrl(), order('HD-4'), orderAdd)).json.id);
    await sink.waitFor(1);
    await waitUntil(async () => {
      const [delivery] = (await serve!.api('getEvent', { params: { id } })).deliveries;
      return delivery?.status === 'delivering';
    }, 'the delivery on the wire');
    await serve.api('deleteDestination', { params: { id: destination.id } });
    const meanwhile = await serve.api('getEvent', { params: { id } });
    expect([
      meanwhile.status,
      meanwhile.deliveries[0]?.destinationDeleted,
      meanwhile.deliveries[0]?.lastReason?.code,
    ]).toEqual(['discarded', true, 'deleted.whileSending']);
    release();
    const after = await eventWhen(serve, id, 'delivered');
    expect(
      after.deliveries.map((delivery) => [
        delivery.destinationName,
        delivery.status,
        delivery.lastReason,
        delivery.attempts.length,
      ]),
    ).toEqual([['Sổ bán hàng', 'delivered', null, 1]]);
    const { shown, recount } = await figuresAndRecount(serve);
    expect(shown).toEqual({ delivered: 1 });
    expect(recount).toEqual(shown);
  });
});
