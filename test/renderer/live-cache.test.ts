import { type InfiniteData, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventListItem, EventListPage, EventOutcome, StreamMessage } from '../../main/api/contract.js';
import { keys } from '../../renderer/src/data/keys.js';
import { liveCache } from '../../renderer/src/data/live-cache.js';

const item = (id: string, patch: Partial<EventListItem> = {}): EventListItem => ({
  id,
  sourceId: 'src_pos',
  sourceName: 'POS',
  type: 'order.add',
  status: 'received',
  outcome: patch.status ?? 'received',
  receivedAt: '2026-11-30T10:00:00.000Z',
  summary: `order.add · ${id}`,
  httpStatus: 200,
  reason: null,
  rejection: null,
  bodySize: 10,
  duplicates: 0,
  test: false,
  heldBehind: false,
  waitsPaused: false,
  ...patch,
});
/** The stream's word that an event's delivery failed for good (`outcome`: what the event is named after it). */
const failedDelivery = (eventId: string, outcome: EventOutcome = 'failed'): StreamMessage => ({
  type: 'delivery',
  eventId,
  eventStatus: 'failed',
  eventOutcome: outcome,
  delivery: {
    id: 'dlv_1',
    eventId,
    destinationId: 'dst_1',
    destinationName: 'CRM',
    destinationDeleted: false,
    status: 'failed',
    attemptCount: 1,
    nextAttemptAt: null,
    lastError: 'The destination answered 500.',
    paused: false,
    lastReason: null,
    heldBy: null,
  },
  attempt: null,
});
const pages = (...items: EventListItem[]): InfiniteData<EventListPage, string | null> => ({
  pages: [{ items, next: null }],
  pageParams: [null],
});
const idsIn = (client: QueryClient, key: readonly unknown[]) =>
  client
    .getQueryData<InfiniteData<EventListPage, string | null>>(key)
    ?.pages.flatMap((page) => page.items.map((entry) => `${entry.id}:${entry.status}`));

describe('the live stream writing into the dashboard’s cache', () => {
  const client = new QueryClient();
  const cache = liveCache(client);
  afterEach(() => client.clear());

  it('puts a new event at the top of the lists it matches only, once', () => {
    const all = keys.eventList({});
    const failedOnly = keys.eventList({ status: 'failed' });
    const otherType = keys.eventList({ type: 'customer.add' });
    for (const key of [all, failedOnly, otherType]) client.setQueryData(key, pages(item('evt_1')));
    cache.onMessage({ type: 'event', event: item('evt_2'), searchText: 'evt 2 order add' });
    cache.onMessage({ type: 'event', event: item('evt_2'), searchText: 'evt 2 order add' });
    expect(idsIn(client, all)).toEqual(['evt_2:received', 'evt_1:received']);
    expect(idsIn(client, failedOnly)).toEqual(['evt_1:received']);
    expect(idsIn(client, otherType)).toEqual(['evt_1:received']);
  });

  it('matches a new event to a search with the engine’s folding, over what the engine indexed', () => {
    const nguyen = keys.eventList({ q: 'NGUYỄN thúy' });
    const phone = keys.eventList({ q: '0938' });
    const other = keys.eventList({ q: 'đỗ' });
    for (const key of [nguyen, phone, other]) client.setQueryData(key, pages(item('evt_1')));
    cache.onMessage({
      type: 'event',
      event: item('evt_3', { summary: 'order.add · SPIRAL-170623-1017-DC92' }),
      searchText: 'evt 3 order.add spiral-170623-1017-dc92 nguyen thuy linh 0938474843',
    });
    expect(idsIn(client, nguyen)).toEqual(['evt_3:received', 'evt_1:received']);
    expect(idsIn(client, phone)).toEqual(['evt_3:received', 'evt_1:received']);
    expect(idsIn(client, other)).toEqual(['evt_1:received']);
  });

  it('updates an event’s status in every list that shows it', () => {
    client.setQueryData(keys.eventList({}), pages(item('evt_1'), item('evt_2')));
    client.setQueryData(keys.eventList({ q: 'evt_1' }), pages(item('evt_1')));
    cache.onMessage(failedDelivery('evt_1'));
    expect(idsIn(client, keys.eventList({}))).toEqual(['evt_1:failed', 'evt_2:received']);
    expect(idsIn(client, keys.eventList({ q: 'evt_1' }))).toEqual(['evt_1:failed']);
  });

  it('names an event failed at one destination and delivered to another as the Overview counts it', () => {
    client.setQueryData(keys.eventList({}), pages(item('evt_1', { status: 'pending' })));
    cache.onMessage(failedDelivery('evt_1', 'partlyDelivered'));
    const [shown] = client.getQueryData<InfiniteData<EventListPage, string | null>>(keys.eventList({}))!.pages[0]!
      .items;
    expect([shown!.status, shown!.outcome]).toEqual(['failed', 'partlyDelivered']);
  });

  it('reads a list again when an event failed at one destination still waits elsewhere: what for, only the engine knows', async () => {
    const all = keys.eventList({ sourceId: 'src_pos' });
    const other = keys.eventList({ q: 'evt_9' });
    client.setQueryData(all, pages(item('evt_1', { status: 'pending', outcome: 'pending' })));
    client.setQueryData(other, pages(item('evt_9')));
    cache.onMessage(failedDelivery('evt_1', 'pending'));
    await expect.poll(() => client.getQueryState(all)?.isInvalidated, { timeout: 2000 }).toBe(true);
    expect(client.getQueryState(other)?.isInvalidated).toBe(false);
  });

  it('no longer says an event waits once a delivery of it is on its way, nor once nothing of it waits', () => {
    const all = keys.eventList({});
    client.setQueryData(all, pages(item('evt_1', { status: 'pending', outcome: 'pending', waitsPaused: true })));
    const going = failedDelivery('evt_1', 'pending');
    if (going.type !== 'delivery') throw new Error('a delivery message');
    cache.onMessage({ ...going, eventStatus: 'pending', delivery: { ...going.delivery, status: 'delivering' } });
    const shown = () => client.getQueryData<InfiniteData<EventListPage, string | null>>(all)!.pages[0]!.items[0]!;
    expect([shown().waitsPaused, shown().heldBehind]).toEqual([false, false]);
    client.setQueryData(all, pages(item('evt_1', { status: 'pending', outcome: 'pending', heldBehind: true })));
    cache.onMessage(failedDelivery('evt_1', 'partlyDelivered'));
    expect([shown().waitsPaused, shown().heldBehind]).toEqual([false, false]);
  });

  it('reads the lists again when every delivery is paused or resumed: what each event waits for changes', async () => {
    client.setQueryData(keys.eventList({}), pages(item('evt_1')));
    cache.onMessage({ type: 'changed', what: 'settings' });
    await expect.poll(() => client.getQueryState(keys.eventList({}))?.isInvalidated, { timeout: 2000 }).toBe(true);
  });

  it('puts a new event under the status filter its badge names: "Waiting", "Waits: paused", "On its way"', () => {
    const waiting = keys.eventList({ status: 'waiting' });
    const paused = keys.eventList({ status: 'waitsPaused' });
    const going = keys.eventList({ status: 'pending' });
    for (const key of [waiting, paused, going]) client.setQueryData(key, pages(item('evt_0')));
    const pending = { status: 'pending', outcome: 'pending' } as const;
    cache.onMessage({ type: 'event', event: item('evt_1', { ...pending, heldBehind: true }), searchText: '' });
    cache.onMessage({ type: 'event', event: item('evt_2', { ...pending, waitsPaused: true }), searchText: '' });
    cache.onMessage({ type: 'event', event: item('evt_3', pending), searchText: '' });
    expect(idsIn(client, waiting)).toEqual(['evt_1:pending', 'evt_0:received']);
    expect(idsIn(client, paused)).toEqual(['evt_2:pending', 'evt_0:received']);
    expect(idsIn(client, going)).toEqual(['evt_3:pending', 'evt_0:received']);
  });

  it('reads a status-filtered list again when an event enters or leaves its status, and leaves the others', async () => {
    const failed = keys.eventList({ status: 'failed' });
    const pending = keys.eventList({ status: 'pending' });
    const delivered = keys.eventList({ status: 'delivered' });
    client.setQueryData(failed, pages(item('evt_0', { status: 'failed' })));
    client.setQueryData(pending, pages(item('evt_1', { status: 'pending' })));
    client.setQueryData(delivered, pages(item('evt_9', { status: 'delivered' })));
    cache.onMessage(failedDelivery('evt_1'));
    await expect.poll(() => client.getQueryState(failed)?.isInvalidated, { timeout: 2000 }).toBe(true);
    expect(client.getQueryState(pending)?.isInvalidated).toBe(true);
    expect(client.getQueryState(delivered)?.isInvalidated).toBe(false);
  });

  it('reads an open event again when its sender sent it again, so its drawer counts the copy', async () => {
    client.setQueryData(keys.eventDetail('evt_1'), { id: 'evt_1', duplicates: 0 });
    client.setQueryData(keys.eventDetail('evt_2'), { id: 'evt_2', duplicates: 0 });
    cache.onMessage({ type: 'duplicate', eventId: 'evt_1' });
    await expect
      .poll(() => client.getQueryState(keys.eventDetail('evt_1'))?.isInvalidated, { timeout: 2000 })
      .toBe(true);
    expect(client.getQueryState(keys.eventDetail('evt_2'))?.isInvalidated).toBe(false);
  });

  it('marks the settings stale when the engine says they changed', async () => {
    client.setQueryData(keys.settings, { language: 'en' });
    client.setQueryData(keys.sources, []);
    cache.onMessage({ type: 'changed', what: 'settings' });
    await expect.poll(() => client.getQueryState(keys.settings)?.isInvalidated, { timeout: 2000 }).toBe(true);
    expect(client.getQueryState(keys.sources)?.isInvalidated).toBe(false);
  });

  it('reads the stats again when destinations changed, so a new destination gets its card figures', async () => {
    client.setQueryData(keys.stats, { destinations: [] });
    cache.onMessage({ type: 'changed', what: 'destinations' });
    await expect.poll(() => client.getQueryState(keys.stats)?.isInvalidated, { timeout: 2000 }).toBe(true);
  });

  it('keeps a hidden list stale after a reconnect when news is written into it, so it is read again when shown', () => {
    // The live log's list, cached while another page is shown: a reconnect marks it stale (messages may be lost:
    // evt_1 was delivered while the engine was away), then a new event and a delivery are written into it.
    const all = keys.eventList({});
    client.setQueryData(all, pages(item('evt_1', { status: 'failed' }), item('evt_0')));
    cache.onConnected();
    expect(client.getQueryState(all)?.isInvalidated).toBe(true);
    cache.onMessage({ type: 'event', event: item('evt_2'), searchText: 'evt 2 order add' });
    cache.onMessage(failedDelivery('evt_0'));
    expect(idsIn(client, all)).toEqual(['evt_2:received', 'evt_1:failed', 'evt_0:failed']);
    // Before, each write made it fresh: shown within 5 s, evt_1 read "failed" until something else changed.
    expect(client.getQueryState(all)?.isInvalidated).toBe(true);
    const untouched = keys.eventList({ type: 'customer.add' });
    client.setQueryData(untouched, pages(item('evt_9', { type: 'customer.add' })));
    cache.onMessage({ type: 'event', event: item('evt_3'), searchText: 'evt 3 order add' });
    expect(client.getQueryState(untouched)?.isInvalidated).toBe(false);
  });
});
