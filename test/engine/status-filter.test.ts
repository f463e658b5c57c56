import { describe, expect, it } from 'vitest';
import type { EventListQuery } from '../../main/api/contract.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * The Live log's Status filter read the stored status and its Destination filter "has a delivery there": "Slow ERP +
 * Failed" listed orders all delivered at Slow ERP, "Delivered" left out "Delivered in part", "Ordered Toggle + Failed"
 * listed orders only held there, and no choice found the "Waiting" badge. Each badge is found under its word, and
 * with a destination chosen the status is the delivery's there.
 */
describe('the live log status filter finds what the badges say (real serve)', () => {
  it('finds each badge by its word, and a delivery state at the chosen destination', async () => {
    const serve = await startServe(tempDir());
    try {
      const good = await startSink();
      const broken = await startSink();
      broken.script(() => ({ status: 500 }));
      const pos = await serve.posUrl();
      const create = async (name: string, url: string, extra: Record<string, unknown> = {}) =>
        (await serve.api('createDestination', { body: { name, url, events: ['order.add'], retry: once, ...extra } }))
          .id;
      const erp = await create('Slow ERP', good.url);
      const sheet = await create('Broken Sheet', broken.url);
      const toggle = await create('Ordered Toggle', broken.url, { ordered: true });
      const event = (id: string) => serve.api('getEvent', { params: { id } });
      const first = String((await post(pos, order('INV-001'), orderAdd)).json.id);
      await waitUntil(
        async () => (await event(first)).deliveries.every((d) => d.status === 'delivered' || d.status === 'failed'),
        'INV-001 done with',
      );
      const second = String((await post(pos, order('INV-002'), orderAdd)).json.id);
      await waitUntil(async () => (await event(second)).status === 'failed', 'INV-002 failing at Broken Sheet');

      const found = async (query: Partial<EventListQuery>) =>
        (await serve.api('listEvents', { query: { limit: 50, ...query } })).items.map((item) => item.id).sort();
      // INV-001: delivered at Slow ERP, failed at the other two ("Delivered in part"); INV-002: delivered at Slow ERP,
      // failed at Broken Sheet, held at Ordered Toggle ("Waiting").
      expect(await found({ status: 'partlyDelivered' })).toEqual([first]);
      expect(await found({ status: 'waiting' })).toEqual([second]);
      expect(await found({ status: 'pending' })).toEqual([]);
      expect(await found({ status: 'failed' })).toEqual([first, second].sort());
      expect(await found({ destinationId: erp, status: 'failed' })).toEqual([]);
      expect(await found({ destinationId: erp, status: 'delivered' })).toEqual([first, second].sort());
      expect(await found({ destinationId: toggle, status: 'failed' })).toEqual([first]);
      expect(await found({ destinationId: toggle, status: 'waiting' })).toEqual([second]);
      expect(await found({ destinationId: sheet, status: 'failed' })).toEqual([first, second].sort());

      await serve.api('updateDestination', { params: { id: toggle }, body: { paused: true } });
      await serve.api('resendEvent', { params: { id: first }, body: { destinationIds: [toggle] } });
      await waitUntil(async () => (await serve.api('getStats')).deliveries.waitingForPaused === 2, 'both paused');
      expect(await found({ status: 'waitsPaused' })).toEqual([first, second].sort());
      expect(await found({ destinationId: toggle, status: 'waitsPaused' })).toEqual([first, second].sort());
      expect(await found({ destinationId: toggle, status: 'waiting' })).toEqual([]);
      expect(await found({ status: 'partlyDelivered' })).toEqual([]);
    } finally {
      await serve.stop();
    }
  });
});
