import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../main/api/contract.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A shopkeeper's resend of what waits in Failed is one try now: through, it is delivered; failed, it is back in
 * Failed at once with the new reason, and the resend counts it failed again. Before, it ran the destination's whole
 * schedule again (a day of tries on the default one), out of Failed and out of sight meanwhile.
 */

/** A schedule whose next try is a minute away: a resend that fell back on it would still be waiting. */
const long = { maxAttempts: 10, initialDelayMs: 60_000, multiplier: 2, maxDelayMs: 3_600_000 };
const SERVER_ERROR =
  'The destination answered 500 Internal Server Error: the problem is on its side. If this goes on, tell whoever runs it.';

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

/** An engine whose one destination failed `invoices` (tried once each, refused 503), then given a long schedule. */
async function failedOrders(invoices: string[], dataDir = tempDir()) {
  const sink = await startSink();
  sink.script(() => ({ status: 503 }));
  serve = await startServe(dataDir);
  const destination = await serve.api('createDestination', {
    body: { name: 'Sổ kế toán', url: sink.url, events: ['order.add'], retry: once },
  });
  const pos = await serve.posUrl();
  const ids: string[] = [];
  for (const invoice of invoices) {
    const id = String((await post(pos, order(invoice), orderAdd)).json.id);
    await deliveryWhen(id, (delivery) => delivery.status === 'failed');
    ids.push(id);
  }
  await serve.api('updateDestination', { params: { id: destination.id }, body: { retry: long } });
  return { sink, destination, ids, dataDir };
}

/** The event's one delivery once `done` says so of it. */
function deliveryWhen(eventId: string, done: (delivery: Delivery) => boolean, what = 'the delivery', ms?: number) {
  return waitUntil(
    async () => {
      const [delivery] = (await serve!.api('getEvent', { params: { id: eventId } })).deliveries;
      return delivery && done(delivery) ? delivery : null;
    },
    what,
    ms,
  );
}

/** Tried this many times in all, and back in Failed. */
const failedAfter = (tries: number) => (delivery: Delivery) =>
  delivery.status === 'failed' && delivery.attempts.length === tries;

describe('a resend from Failed is one try now (real serve, scripted destination)', () => {
  it('to a destination still failing: one try, back in Failed with the new reason, the resend counting it failed again', async () => {
    const { sink, destination, ids } = await failedOrders(['ONE-1', 'ONE-2', 'ONE-3']);
    sink.script(() => ({ status: 500 }));

    const started = Date.now();
    const { batchId } = await serve!.api('resendFailed', { params: { id: destination.id }, body: {} });
    for (const id of ids) {
      const delivery = await deliveryWhen(id, failedAfter(2), 'back in Failed after one try', 10_000);
      expect(delivery).toMatchObject({ attemptCount: 1, nextAttemptAt: null, lastError: SERVER_ERROR });
      expect(delivery.attempts.map((attempt) => attempt.httpStatus)).toEqual([503, 500]);
    }
    expect(sink.received).toHaveLength(6);
    const batch = await waitUntil(
      async () => (await serve!.api('listResendBatches')).find((b) => b.id === batchId && b.finishedAt),
      'the resend finished',
    );
    expect(batch).toMatchObject({ total: 3, delivered: 0, failed: 3, waiting: 0 });

    // Back on the Failed page under the new reason, with the time of that try.
    const view = await serve!.api('failedView', { query: { rows: 10 } });
    const [reason] = view.destinations[0]!.reasons;
    expect(view.destinations[0]!.reasons).toHaveLength(1);
    expect(reason).toMatchObject({ lastError: SERVER_ERROR, count: 3 });
    for (const row of reason!.rows) expect(Date.parse(row.lastAttemptAt!)).toBeGreaterThanOrEqual(started);

    // One row's Resend, and the drawer's Resend to that destination: one try each as well.
    const row = reason!.rows.find((item) => item.eventId === ids[2])!;
    await serve!.api('resendDelivery', { params: { id: row.id } });
    await deliveryWhen(ids[2]!, failedAfter(3), 'one row resent, back in Failed', 10_000);
    await serve!.api('resendEvent', { params: { id: ids[0]! }, body: { destinationIds: [destination.id] } });
    await deliveryWhen(ids[0]!, failedAfter(3), 'resent from its drawer, back in Failed', 10_000);
    expect(sink.received).toHaveLength(8);

    // Renamed since, the destination is named as it is called now: the old name read as another destination.
    await serve!.api('updateDestination', {
      params: { id: destination.id },
      body: { name: `${destination.name} (mới)` },
    });
    const renamed = (await serve!.api('listResendBatches')).find((b) => b.id === batchId);
    expect(renamed?.destinationName).toBe(`${destination.name} (mới)`);
    // Deleted then, it keeps the name it had last, not the one it had when the resend ran.
    await serve!.api('deleteDestination', { params: { id: destination.id } });
    const deleted = (await serve!.api('listResendBatches')).find((b) => b.id === batchId);
    expect(deleted?.destinationName).toBe(`${destination.name} (mới)`);
  });

  it('to a destination the event did not have yet (Resend to all, routed again): one try there too', async () => {
    const { ids } = await failedOrders(['NEW-1']);
    const added = await startSink();
    added.script(() => ({ status: 500 }));
    const other = await serve!.api('createDestination', {
      body: { name: 'Kho hàng', url: added.url, events: ['order.add'], retry: long },
    });
    await serve!.api('resendEvent', { params: { id: ids[0]! }, body: { destinationIds: [other.id] } });
    const there = await waitUntil(
      async () =>
        (await serve!.api('getEvent', { params: { id: ids[0]! } })).deliveries.find(
          (delivery) => delivery.destinationId === other.id && delivery.status === 'failed',
        ),
      'failed there after one try',
      10_000,
    );
    expect(there.attempts.map((attempt) => attempt.httpStatus)).toEqual([500]);
    expect(added.received).toHaveLength(1);
  });

  it('to a destination that works again: delivered', async () => {
    const { sink, destination, ids } = await failedOrders(['WORKS-1']);
    sink.script(() => ({ status: 200 }));
    await serve!.api('resendFailed', { params: { id: destination.id }, body: {} });
    const delivery = await deliveryWhen(ids[0]!, (d) => d.status === 'delivered', 'delivered');
    expect(delivery.attempts.map((attempt) => attempt.httpStatus)).toEqual([503, 200]);
  });

  it('waits as asked when the destination answers busy (429 or 503 with Retry-After), then is one try again', async () => {
    const { sink, destination, ids } = await failedOrders(['BUSY-1']);
    sink.script((_, index) =>
      index === 1
        ? { status: 429, headers: { 'retry-after': '1' } }
        : index === 2
          ? { status: 503, headers: { 'retry-after': '1' } }
          : { status: 500 },
    );
    await serve!.api('resendFailed', { params: { id: destination.id }, body: {} });
    const waiting = await deliveryWhen(ids[0]!, (d) => d.attempts.length === 2 && d.status === 'retrying', 'waiting');
    expect(waiting.lastReason).toMatchObject({ code: 'delivery.askedToWait', params: { seconds: 1 } });
    expect(Date.parse(waiting.nextAttemptAt!) - Date.parse(waiting.attempts[1]!.at)).toBeGreaterThanOrEqual(900);

    const failed = await deliveryWhen(ids[0]!, failedAfter(4), 'failed after the waits', 10_000);
    expect(failed.attempts.map((attempt) => attempt.httpStatus)).toEqual([503, 429, 503, 500]);
    expect(sink.received[2]!.at - sink.received[1]!.at).toBeGreaterThanOrEqual(900);
    expect(sink.received[3]!.at - sink.received[2]!.at).toBeGreaterThanOrEqual(900);
  });

  it('keeps a delivery still on its schedule there: it goes now, and a failure waits for the schedule’s next try', async () => {
    const sink = await startSink();
    sink.script(() => ({ status: 500 }));
    serve = await startServe(tempDir());
    await serve.api('createDestination', { body: { name: 'CRM', url: sink.url, events: ['order.add'], retry: long } });
    const id = String((await post(await serve.posUrl(), order('ON-1'), orderAdd)).json.id);
    const retrying = await deliveryWhen(id, (d) => d.status === 'retrying', 'waiting for its second try');
    await serve.api('resendDelivery', { params: { id: retrying.id } });
    const after = await deliveryWhen(id, (d) => d.attempts.length === 2 && d.status === 'retrying', 'tried now');
    // Its second try of ten: the next is the schedule's third, two minutes on, not a first try's minute.
    expect(after.attemptCount).toBe(2);
    expect(Date.parse(after.nextAttemptAt!) - Date.parse(after.attempts[1]!.at)).toBeGreaterThan(100_000);
  });
});

describe('a resend’s one try outlives a crash (real serve, killed with SIGKILL)', () => {
  it('held by a paused destination when the engine is killed: one try once resumed after the restart', async () => {
    const { sink, destination, ids, dataDir } = await failedOrders(['HELD-1']);
    await serve!.api('updateDestination', { params: { id: destination.id }, body: { paused: true } });
    sink.script(() => ({ status: 500 }));
    await serve!.api('resendFailed', { params: { id: destination.id }, body: {} });
    await serve!.kill();

    serve = await startServe(dataDir);
    expect((await serve.api('getEvent', { params: { id: ids[0]! } })).deliveries[0]!.status).toBe('pending');
    await serve.api('updateDestination', { params: { id: destination.id }, body: { paused: false } });
    const delivery = await deliveryWhen(ids[0]!, failedAfter(2), 'back in Failed after one try', 10_000);
    expect(delivery.attempts.map((attempt) => attempt.httpStatus)).toEqual([503, 500]);
    expect(sink.received).toHaveLength(2);
  });

  it('killed while its try is on the wire: written down as cut off, then one try after the restart', async () => {
    const { sink, destination, ids, dataDir } = await failedOrders(['WIRE-1']);
    sink.script(() => ({ hang: true }));
    await serve!.api('resendFailed', { params: { id: destination.id }, body: {} });
    await sink.waitFor(2);
    await serve!.kill();

    sink.script(() => ({ status: 500 }));
    serve = await startServe(dataDir);
    const delivery = await deliveryWhen(ids[0]!, failedAfter(3), 'back in Failed after one try', 10_000);
    expect(delivery.attempts.map((attempt) => attempt.category)).toEqual(['http', 'interrupted', 'http']);
    expect(delivery.lastError).toBe(SERVER_ERROR);
    expect(sink.received).toHaveLength(3);
  });
});
