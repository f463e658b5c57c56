import { describe, expect, it } from 'vitest';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * What a walk checking every page against the API found said otherwise than it is: deliveries held behind a failed
 * event of an ordered line counted as waiting for a resume (and on their way after it), an event delivered at one
 * destination and discarded at another once that other was deleted, and a renamed source's older events under its
 * old name.
 */
describe('figures and names as they are now (real serve)', () => {
  const eventWhen = (serve: ServeProcess, id: string, status: string) =>
    waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id } });
      return event.status === status ? event : null;
    }, `event ${id} becoming ${status}`);
  const send = async (pos: string, invoice: string) => String((await post(pos, order(invoice), orderAdd)).json.id);
  // Read as sent, not through the client's contract: the day's figures alone.
  const today = async (serve: ServeProcess) =>
    (
      (await (
        await fetch(`${serve.runtime.adminUrl}/api/stats`, {
          headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
        })
      ).json()) as { today: Record<string, number> }
    ).today;

  it('counts what waits behind a failed event of an ordered line apart: neither waiting for a resume nor on its way', async () => {
    const serve = await startServe(tempDir());
    const crm = await startSink();
    const sheet = await startSink();
    sheet.script(() => ({ status: 500 }));
    const pos = await serve.posUrl();
    await serve.api('createDestination', { body: { name: 'CRM', url: crm.url, events: ['order.add'] } });
    await serve.api('createDestination', {
      body: {
        name: 'Sheet',
        url: sheet.url,
        events: ['order.add'],
        ordered: true,
        retry: { maxAttempts: 2, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
    const first = await send(pos, 'INV-11');
    await eventWhen(serve, first, 'failed');
    const held = [await send(pos, 'INV-12'), await send(pos, 'INV-13')];
    await waitUntil(() => crm.received.length === 3, 'CRM taking INV-12 and INV-13');
    await serve.api('putSettings', { body: { deliveriesPaused: true } });
    held.push(await send(pos, 'INV-14'));

    const stats = await serve.api('getStats');
    expect(stats.deliveries).toEqual({
      pending: 0,
      retrying: 0,
      delivering: 0,
      // INV-14 for CRM: it goes once sending resumes.
      waitingForPaused: 1,
      // INV-12, INV-13 and INV-14 for Sheet: not before INV-11 is resent and goes through, or is discarded.
      heldBehindFailed: 3,
      failed: 1,
    });
    expect(stats.destinations.find((entry) => entry.name === 'Sheet')!.heldBy).toMatchObject({
      eventId: first,
      status: 'failed',
    });

    await serve.api('putSettings', { body: { deliveriesPaused: false } });
    await waitUntil(() => crm.received.length === 4, 'CRM taking INV-14 once resumed');
    await waitUntil(async () => {
      const after = await serve.api('getStats');
      return after.deliveries.waitingForPaused === 0 && after.deliveries.delivering === 0 ? after : null;
    }, 'INV-14 delivered to CRM');
    expect((await serve.api('getStats')).deliveries).toEqual({
      pending: 0,
      retrying: 0,
      delivering: 0,
      waitingForPaused: 0,
      heldBehindFailed: 3,
      failed: 1,
    });
    expect(sheet.received).toHaveLength(2);

    // Discarded, INV-11 no longer holds the line: what waited behind it is on its way, then delivered.
    sheet.script(() => ({ status: 200 }));
    const sheetId = (await serve.api('listDestinations')).find((entry) => entry.name === 'Sheet')!.id;
    await serve.api('discardFailed', { params: { id: sheetId }, body: {} });
    for (const id of held) await eventWhen(serve, id, 'delivered');
    expect((await serve.api('getStats')).deliveries.heldBehindFailed).toBe(0);
    await serve.stop();
  });

  it('keeps an event delivered at one destination partly discarded once the one it was discarded at is deleted', async () => {
    const serve = await startServe(tempDir());
    const crm = await startSink();
    const sheet = await startSink();
    sheet.script(() => ({ status: 500 }));
    const pos = await serve.posUrl();
    await serve.api('createDestination', { body: { name: 'CRM', url: crm.url, events: ['order.add'] } });
    const { id: sheetId } = await serve.api('createDestination', {
      body: { name: 'Sheet', url: sheet.url, events: ['order.add'], retry: once },
    });
    const id = await send(pos, 'INV-11');
    await eventWhen(serve, id, 'failed');
    await serve.api('discardFailed', { params: { id: sheetId }, body: {} });
    await eventWhen(serve, id, 'discarded');
    expect(await today(serve)).toMatchObject({ delivered: 0, discarded: 0, partlyDiscarded: 1 });

    // The deleted destination's history stays: its discarded delivery is still in the drawer, and the event still
    // partly discarded (before, "Delivered", over a drawer showing only CRM's delivery).
    await serve.api('deleteDestination', { params: { id: sheetId } });
    const event = await serve.api('getEvent', { params: { id } });
    expect(event).toMatchObject({ status: 'discarded', outcome: 'partlyDiscarded', routing: null });
    expect(
      event.deliveries.map((delivery) => [delivery.destinationName, delivery.destinationDeleted, delivery.status]),
    ).toEqual([
      ['CRM', false, 'delivered'],
      ['Sheet', true, 'discarded'],
    ]);
    expect((await serve.api('listEvents', { query: { status: 'delivered' } })).items).toEqual([]);
    expect((await serve.api('listEvents', { query: { status: 'discarded' } })).items.map((item) => item.id)).toEqual([
      id,
    ]);
    expect(await today(serve)).toMatchObject({ delivered: 0, discarded: 0, partlyDiscarded: 1 });

    // Discarded at its only destination, it stays discarded: nothing of it was delivered anywhere.
    const alone = await startSink();
    alone.script(() => ({ status: 500 }));
    const { id: aloneId } = await serve.api('createDestination', {
      body: { name: 'Alone', url: alone.url, events: ['only.this'], retry: once },
    });
    const lone = String(
      (await post(pos, '{"n":1}', { 'content-type': 'application/json', 'X-Event-Type': 'only.this' })).json.id,
    );
    await eventWhen(serve, lone, 'failed');
    await serve.api('discardFailed', { params: { id: aloneId }, body: {} });
    await eventWhen(serve, lone, 'discarded');
    await serve.api('deleteDestination', { params: { id: aloneId } });
    expect((await serve.api('getEvent', { params: { id: lone } })).status).toBe('discarded');
    expect(await today(serve)).toMatchObject({ delivered: 0, discarded: 1, partlyDiscarded: 1 });
    await serve.stop();
  });

  it('names the events of a renamed source by its name now, and those of a deleted one by the name they came with', async () => {
    const serve = await startServe(tempDir());
    const pos = await serve.posUrl();
    const posId = (await serve.api('listSources')).find((source) => source.name === 'POS')!.id;
    const before = await send(pos, 'INV-1');
    const web = await serve.api('createSource', { body: { name: 'Web', kind: 'generic' } });
    const fromWeb = String((await post(web.ingestUrl, order('INV-2'), orderAdd)).json.id);
    await serve.api('updateSource', { params: { id: posId }, body: { name: 'Quầy 1' } });
    await serve.api('deleteSource', { params: { id: web.id } });
    const after = await send(pos, 'INV-3');

    const names = async (query = {}) =>
      Object.fromEntries(
        (await serve.api('listEvents', { query })).items.map((item) => [item.id, item.sourceName] as const),
      );
    expect(await names()).toEqual({ [before]: 'Quầy 1', [fromWeb]: 'Web', [after]: 'Quầy 1' });
    expect(await names({ sourceId: posId })).toEqual({ [before]: 'Quầy 1', [after]: 'Quầy 1' });
    expect(await names({ q: 'INV-1' })).toEqual({ [before]: 'Quầy 1' });
    expect((await serve.api('getEvent', { params: { id: before } })).sourceName).toBe('Quầy 1');
    expect((await serve.api('getEvent', { params: { id: fromWeb } })).sourceName).toBe('Web');

    const admin = serve.runtime.adminUrl;
    const bearer = { authorization: `Bearer ${serve.runtime.adminToken}` };
    const ndjson = (await (await fetch(`${admin}/api/export?format=ndjson`, { headers: bearer })).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; sourceName: string });
    expect(Object.fromEntries(ndjson.map((record) => [record.id, record.sourceName]))).toEqual({
      [before]: 'Quầy 1',
      [fromWeb]: 'Web',
      [after]: 'Quầy 1',
    });
    const csv = await (await fetch(`${admin}/api/export?format=csv`, { headers: bearer })).text();
    expect(csv.split('\n').find((line) => line.startsWith(before))).toContain(',Quầy 1,');
    const sheet = await (await fetch(`${admin}/api/export?format=csv&lang=en`, { headers: bearer })).text();
    expect(sheet).not.toContain(',POS,');
    expect(sheet.match(/,Quầy 1,/g)).toHaveLength(2);
    await serve.stop();
  });
});
