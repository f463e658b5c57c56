import { infiniteQueryOptions, queryOptions, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChangeKind, SettingsUpdate } from '../../../main/api/contract';
import { useApp } from '../context';
import type { Engine } from '../lib/engine';
import { type DeliveryFilters, type EventFilters, keys, keysOfChange } from './keys';

const EVENT_PAGE = 100;
/** The Failed page shows this many deliveries of a reason at first, and this many more on request. */
const DELIVERY_PAGE = 10;
/** The hourly chart moves on with the clock even when nothing arrives. */
const STATS_REFRESH_MS = 60_000;

export const settingsQuery = (engine: Engine) =>
  queryOptions({ queryKey: keys.settings, queryFn: () => engine.api('getSettings') });

export const sourcesQuery = (engine: Engine) =>
  queryOptions({ queryKey: keys.sources, queryFn: () => engine.api('listSources') });

export const destinationsQuery = (engine: Engine) =>
  queryOptions({ queryKey: keys.destinations, queryFn: () => engine.api('listDestinations') });

/** What the engine's code knows about senders: it changes only with a new version of Hookferry. */
export const senderCatalogQuery = (engine: Engine) =>
  queryOptions({ queryKey: keys.senderCatalog, queryFn: () => engine.api('listSenders'), staleTime: Infinity });

/** The destination kinds, which change only with a new version of Hookferry. */
export const destinationKindsQuery = (engine: Engine) =>
  queryOptions({
    queryKey: keys.destinationKinds,
    queryFn: () => engine.api('listDestinationKinds'),
    staleTime: Infinity,
  });

export const statsQuery = (engine: Engine) =>
  queryOptions({ queryKey: keys.stats, queryFn: () => engine.api('getStats'), refetchInterval: STATS_REFRESH_MS });

export const eventQuery = (engine: Engine, id: string) =>
  queryOptions({ queryKey: keys.eventDetail(id), queryFn: () => engine.api('getEvent', { params: { id } }) });

export const eventListQuery = (engine: Engine, filters: EventFilters) =>
  infiniteQueryOptions({
    queryKey: keys.eventList(filters),
    queryFn: ({ pageParam }) =>
      engine.api('listEvents', {
        query: { ...filters, limit: EVENT_PAGE, ...(pageParam ? { before: pageParam } : {}) },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });

/** Failed deliveries by destination, then by reason, with counts. */
export const deliveryCountsQuery = (engine: Engine) =>
  queryOptions({
    queryKey: keys.deliveryCounts,
    queryFn: () => engine.api('deliveryCounts', { query: { status: 'failed' } }),
  });

/** One destination's deliveries of one reason, newest first, a page at a time. */
export const deliveryListQuery = (engine: Engine, filters: DeliveryFilters) =>
  infiniteQueryOptions({
    queryKey: keys.deliveryList(filters),
    queryFn: ({ pageParam }) =>
      engine.api('listDeliveries', {
        query: { ...filters, limit: DELIVERY_PAGE, ...(pageParam ? { before: pageParam } : {}) },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });

/** Bulk resends and how they went, kept current by the stream's `resend-batch` messages. */
export const resendBatchesQuery = (engine: Engine) =>
  queryOptions({ queryKey: keys.resendBatches, queryFn: () => engine.api('listResendBatches') });

/*
 * Settings, sources and destinations are loaded before any page shows (App waits for them), so the
 * pages read them as always present.
 */
export function useSettings() {
  return useSuspenseQuery(settingsQuery(useApp().engine)).data;
}

export function useSources() {
  return useSuspenseQuery(sourcesQuery(useApp().engine)).data;
}

export function useDestinations() {
  return useSuspenseQuery(destinationsQuery(useApp().engine)).data;
}

export function useStats() {
  return useQuery(statsQuery(useApp().engine));
}

/** After a save: read that kind again, resolving once it is back. */
export function useRefetch() {
  const client = useQueryClient();
  return useCallback((what: ChangeKind) => client.invalidateQueries({ queryKey: keysOfChange[what] }), [client]);
}

/** Saves only the settings given (what the merchant changed), so a change made elsewhere meanwhile stays. */
export function useSaveSettings() {
  const { engine } = useApp();
  const client = useQueryClient();
  return useCallback(
    async (patch: SettingsUpdate) => {
      client.setQueryData(keys.settings, await engine.api('putSettings', { body: patch }));
      // A new intake port or host changes every source's intake address at once: read them again now, not
      // when the cached ones grow stale (the Overview showed the old port for seconds).
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.stats }),
        client.invalidateQueries({ queryKey: keys.sources }),
      ]);
    },
    [client, engine],
  );
}
