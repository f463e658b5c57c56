import { describe, expect, it } from 'vitest';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * An order failed at one destination whose only delivery still to go waits (behind a failed order in an ordered line,
 * or for a paused destination) was listed as on its way: `heldBehind` was read only for a `pending` event, and
 * "Waits: paused" only when nothing at all was on its way anywhere. The event says what its open deliveries wait
 * for, whatever its other deliveries did, as the Overview counts them.
 */
describe('what an event waits for, whatever its other deliveries did (real serve)', () => {
  it('says held behind, then waits for a pause, of an order failed elsewhere; on its way while a try is due', async () => {
    const serve = await startServe(tempDir());
    try {
      const good = await startSink();
      const broken = await startSink();
      broken.script(() => ({ status: 500 }));
      const toggle = await startSink();
      toggle.script(() => ({ status: 500 }));
      const pos = await serve.posUrl();
      const create = async (name: string, url: string, extra: Record<string, unknown> = {}) =>
        (await serve.api('createDestination', { body: { name, url, events: ['order.add'], retry: once, ...extra } }))
          .id;
      await create('Good CRM', good.url);
      await create('Broken Sheet', broken.url);
      const ordered = await create('Ordered Toggle', toggle.url, { ordered: true });
      const event = (id: string) => serve.api('getEvent', { params: { id } });
      const listed = async (id: string) =>
        (await serve.api('listEvents', { query: { limit: 50 } })).items.find((item) => item.id === id)!;
      const waits = async (id: string) => {
        const [inList, inDrawer] = [await listed(id), await event(id)];
        expect({ heldBehind: inDrawer.heldBehind, waitsPaused: inDrawer.waitsPaused }).toEqual({
          heldBehind: inList.heldBehind,
          waitsPaused: inList.waitsPaused,
        });
        return {
          status: inList.status,
          outcome: inList.outcome,
          heldBehind: inList.heldBehind,
          waitsPaused: inList.waitsPaused,
        };
      };
      const first = String((await post(pos, order('INV-001'), orderAdd)).json.id);
      await waitUntil(
        async () => (await event(first)).deliveries.every((d) => d.status === 'delivered' || d.status === 'failed'),
        'INV-001 done with at every destination',
      );
      const second = String((await post(pos, order('INV-002'), orderAdd)).json.id);
      await waitUntil(async () => (await event(second)).status === 'failed', 'INV-002 failing at Broken Sheet');

      // Held behind INV-001, failed at Ordered Toggle: nothing sends it, as the Overview counts it.
      expect(await waits(second)).toEqual({
        status: 'failed',
        outcome: 'pending',
        heldBehind: true,
        waitsPaused: false,
      });
      await serve.api('updateDestination', { params: { id: ordered }, body: { paused: true } });
      expect(await waits(second)).toEqual({
        status: 'failed',
        outcome: 'pending',
        heldBehind: true,
        waitsPaused: false,
      });
      expect((await serve.api('getStats')).deliveries).toMatchObject({ heldBehindFailed: 1, waitingForPaused: 0 });

      // INV-001 resent at the paused destination: both wait for the resume, the second one no longer behind a failure.
      await serve.api('resendEvent', { params: { id: first }, body: { destinationIds: [ordered] } });
      await waitUntil(async () => (await serve.api('getStats')).deliveries.waitingForPaused === 2, 'both waiting');
      expect(await waits(first)).toMatchObject({ outcome: 'pending', heldBehind: false, waitsPaused: true });
      expect(await waits(second)).toEqual({
        status: 'failed',
        outcome: 'pending',
        heldBehind: false,
        waitsPaused: true,
      });

      // An order with a try due at a destination that is not paused is on its way, failed elsewhere or not.
      const slow = await startSink();
      slow.script(() => ({ status: 500 }));
      await create('Slow ERP', slow.url, {
        retry: { maxAttempts: 5, initialDelayMs: 600_000, multiplier: 1, maxDelayMs: 600_000 },
      });
      const third = String((await post(pos, order('INV-003'), orderAdd)).json.id);
      await waitUntil(
        async () => (await event(third)).status === 'failed' && slow.received.length > 0,
        'INV-003 tried',
      );
      expect(await waits(third)).toEqual({
        status: 'failed',
        outcome: 'pending',
        heldBehind: false,
        waitsPaused: false,
      });

      // Everything paused: what still goes waits for the resume, whichever destination.
      await serve.api('putSettings', { body: { deliveriesPaused: true } });
      expect(await waits(third)).toMatchObject({ heldBehind: false, waitsPaused: true });
    } finally {
      await serve.stop();
    }
  });
});
