import { infiniteQueryOptions, queryOptions, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChangeKind, DestinationStats, EventDetail, SettingsUpdate } from '../../../main/api/contract';
import { useApp } from '../context';
import type { Engine } from '../lib/engine';
import { type EventFilters, keys, keysOfChange } from './keys';

const EVENT_PAGE = 100;
/** The failed page lists this many events per destination. */
export const FAILED_SHOWN = 100;
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

export interface FailedGroup {
  destination: DestinationStats;
  reasons: { reason: string; events: EventDetail[] }[];
}

/** Failed deliveries by destination, then by the reason they last failed. */
export const failedQuery = (engine: Engine) =>
  queryOptions({
    queryKey: keys.failed,
    queryFn: async (): Promise<FailedGroup[]> => {
      const stats = await engine.api('getStats');
      const failing = stats.destinations.filter((destination) => destination.failed > 0);
      return Promise.all(
        failing.map(async (destination) => {
          const page = await engine.api('listEvents', {
            query: { status: 'failed', destinationId: destination.id, limit: FAILED_SHOWN },
          });
          const details = await Promise.all(
            page.items.map((item) => engine.api('getEvent', { params: { id: item.id } })),
          );
          const byReason = new Map<string, EventDetail[]>();
          for (const event of details) {
            const delivery = event.deliveries.find(
              (candidate) => candidate.destinationId === destination.id && candidate.status === 'failed',
            );
            if (!delivery) continue;
            const reason = delivery.lastError ?? '—';
            byReason.set(reason, [...(byReason.get(reason) ?? []), event]);
          }
          return { destination, reasons: [...byReason].map(([reason, events]) => ({ reason, events })) };
        }),
      );
    },
  });

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
      await client.invalidateQueries({ queryKey: keys.stats });
    },
    [client, engine],
  );
}
