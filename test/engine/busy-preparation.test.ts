import { describe, expect, it } from 'vitest';
import { BUSY_TRIES } from '../../main/delivery/schedule.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { post, teamcropOrder } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A large body whose preparation for a destination runs out of time, for real, in the deliveries' body process of
 * a real `serve` child (HOOKFERRY_TEST_BODY_WORK_MS gives it 1 ms, as a PC far too busy would): before, that try
 * failed for good ("Send it as received or discard it"), an order lost to a busy moment.
 */
describe('a body not prepared in time (real serve process)', () => {
  // 20,000 lines, about 1 MB: read by intake in its body process, and far more than 1 ms to parse and write again.
  const lines = Array.from({ length: 20_000 }, (_, i) => ({ sku: `SKU-${i}`, name: `Áo dài ${i}`, qty: 1 }));
  const busyServe = (dataDir: string) => startServe(dataDir, [], undefined, { HOOKFERRY_TEST_BODY_WORK_MS: '1' });
  /** Posts the large order numbered `invoice`, taken: its event's id. */
  const postLarge = async (serve: ServeProcess, invoice: string) => {
    const answer = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, invoice_id: invoice, lines }), {
      'content-type': 'application/json',
      'tc-webhook-event': 'order.add',
    });
    expect(answer.status).toBe(200);
    return answer.json.id as string;
  };

  it('is tried again with the backoff, past the end of the schedule, and delivered once the PC is not busy', async () => {
    const dataDir = tempDir();
    const [transformed, zithara] = [await startSink(), await startFakeZithara()];
    const busy = await busyServe(dataDir);
    // Two tries in all: the old code failed the order at the first. (The JSON body mode has nothing to prepare for a
    // JSON body, sent as it came: a transformation and Zithara's mapping are what a busy PC holds up.)
    const retry = { maxAttempts: 2, initialDelayMs: 200, multiplier: 1, maxDelayMs: 200 };
    // A transformation parses the stored body in the JSONata process first: the same time, the same verdict.
    const expression = '{"invoice": invoice_id, "lines": $count(lines)}';
    await busy.api('createDestination', {
      body: { name: 'Books', url: transformed.url, events: ['*'], retry, settings: { transform: expression } },
    });
    // Zithara's mapping of a large body runs in the deliveries' body process too.
    const settings = { clientId: zithara.clientId, clientSecret: zithara.clientSecret, currency: 'VND' };
    await busy.api('createDestination', {
      body: { name: 'Zithara', kind: 'zithara', url: zithara.baseUrl, events: ['*'], retry, settings },
    });
    const id = await postLarge(busy, 'BUSY-1');

    // Each try ends its process and starts another: on a loaded two-core machine, a second or two a try.
    const event = await waitUntil(
      async () => {
        const seen = await busy.api('getEvent', { params: { id } });
        const failed = seen.deliveries.some((delivery) => delivery.status === 'failed');
        const tries = seen.deliveries.map((delivery) => delivery.attempts.length);
        // Three of each: past the end of the schedule; five of one: as many as make a destination failing.
        return failed || (tries.every((n) => n >= 3) && tries.some((n) => n >= 5)) ? seen : null;
      },
      'three tries of each, five of one',
      60_000,
    );
    // Every delivery held where it is while the rest is looked at: past BUSY_TRIES busy tries in a row one would
    // wait in Failed for a resend instead (see the next test), and not go out by itself below.
    const stats = await busy.api('getStats');
    await busy.api('putSettings', { body: { deliveriesPaused: true } });
    expect(event.status).toBe('pending');
    expect(event.deliveries).toHaveLength(2);
    for (const delivery of event.deliveries) {
      // Waiting for its next try, or out on it (the body process starting again takes a while on a loaded machine).
      expect(['retrying', 'delivering']).toContain(delivery.status);
      expect(delivery.attempts.every((attempt) => attempt.durationMs > 0)).toBe(true);
    }
    for (const attempt of event.deliveries.flatMap((delivery) => delivery.attempts))
      expect(attempt).toMatchObject({
        category: 'busy',
        httpStatus: null,
        error: expect.stringMatching(
          /^Hookferry was too busy to prepare this event’s body for the destination within 0\.001 s: .* Hookferry will try again later/,
        ),
        reason: { code: 'delivery.bodyBusy', params: { seconds: 0.001 } },
        // Its time was spent (the body process started, then ran out of its allowance); before, 0 ms.
        durationMs: expect.any(Number) as unknown,
      });
    expect([transformed.received, zithara.accepted]).toEqual([[], []]);
    // Hookferry's own busy moment says nothing of a destination: five such tries in a row do not make it failing.
    expect(stats.destinations.map((destination) => destination.health)).toEqual(['retrying', 'retrying']);
    // An NDJSON export on the busy PC says the parsed body was late, not that it is nested too deeply.
    const exported = await fetch(`${busy.runtime.adminUrl}/api/export?format=ndjson`, {
      headers: { authorization: `Bearer ${busy.runtime.adminToken}` },
    });
    const line = JSON.parse((await exported.text()).trim()) as { id: string; parsed: unknown; parsedOmitted: string };
    expect(line).toMatchObject({ id, parsed: null, parsedOmitted: expect.stringMatching(/in time: the PC was busy/) });
    expect(await busy.stop()).toBe(0);

    // The same data, the PC quiet again: the order that waited goes out, whole.
    const quiet = await startServe(dataDir);
    await quiet.api('putSettings', { body: { deliveriesPaused: false } });
    const [made] = await transformed.waitFor(1, 20_000);
    expect(JSON.parse(made!.body.toString('utf8'))).toEqual({ invoice: 'BUSY-1', lines: 20_000 });
    await waitUntil(() => zithara.accepted.some((call) => call.path.startsWith('/order')), 'the order at Zithara');
    await waitUntil(
      async () => (await quiet.api('getEvent', { params: { id } })).status === 'delivered',
      'the order delivered',
    );
    expect(await quiet.stop()).toBe(0);
  }, 120_000);

  it(`fails after ${BUSY_TRIES} busy tries in a row, saying so, and a resend starts the count again`, async () => {
    const sink = await startSink();
    const busy = await busyServe(tempDir());
    try {
      // One try in the schedule: a busy try is tried again all the same, up to BUSY_TRIES in a row.
      const retry = { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 };
      await busy.api('createDestination', {
        body: { name: 'Shop CRM', url: sink.url, events: ['*'], retry, settings: { transform: '$' } },
      });
      const id = await postLarge(busy, 'BUSY-2');

      const failed = await waitUntil(
        async () => {
          const seen = await busy.api('getEvent', { params: { id } });
          return seen.status === 'failed' ? seen : null;
        },
        `the order failed after ${BUSY_TRIES} busy tries`,
        90_000,
      );
      const [delivery] = failed.deliveries;
      expect(delivery).toMatchObject({
        status: 'failed',
        nextAttemptAt: null,
        lastReason: { code: 'delivery.bodyBusyLast', params: { seconds: 0.001, tries: BUSY_TRIES } },
      });
      expect(delivery!.attempts.map((attempt) => attempt.category)).toEqual(Array(BUSY_TRIES).fill('busy'));
      // Each before the last said Hookferry would try again, as it did; the last says it stopped, and what to do.
      expect(delivery!.attempts.map((attempt) => attempt.reason?.code)).toEqual([
        ...Array(BUSY_TRIES - 1).fill('delivery.bodyBusy'),
        'delivery.bodyBusyLast',
      ]);
      expect(delivery!.lastError).toBe(
        `Hookferry was too busy to prepare this event’s body for the destination within 0.001 s, at ${BUSY_TRIES} tries in a row, so it has stopped trying: the PC has had too much to do for a long while. Nothing is wrong with the event, and nothing was sent. Resend it when the PC is less busy (close programs you do not need, or restart the PC).`,
      );
      // It waits in Failed, where the shopkeeper resends it; nothing reached the destination.
      const waiting = await busy.api('listDeliveries', { query: { status: 'failed' } });
      expect(waiting.items.map((item) => item.eventId)).toEqual([id]);
      expect(sink.received).toEqual([]);

      // Resent while the PC is still busy: tried again from a count of none, not failed at its next busy try.
      await busy.api('resendDelivery', { params: { id: delivery!.id } });
      const again = await waitUntil(
        async () => {
          const [seen] = (await busy.api('getEvent', { params: { id } })).deliveries;
          return seen!.attempts.length >= BUSY_TRIES + 2 ? seen : null;
        },
        'two busy tries after the resend',
        60_000,
      );
      expect(['retrying', 'delivering']).toContain(again.status);
    } finally {
      await busy.stop();
    }
  }, 180_000);
});
