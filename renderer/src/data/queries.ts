import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useQuery,
  useQueryClient,
  useSuspenseQuery,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChangeKind, SettingsUpdate } from '../../../main/api/contract';
import { useApp } from '../context';
import type { Engine } from '../lib/engine';
import { type EventFilters, keys, keysOfChange } from './keys';

const EVENT_PAGE = 100;
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

/** The Failed page shows this many deliveries of a reason at first, and this many more on request. */
export const FAILED_ROWS = 10;

/** One reason of one destination on the Failed page: the key of how many of its rows are shown. */
export const reasonKey = (destinationId: string, lastError: string | null) =>
  JSON.stringify([destinationId, lastError]);

/**
 * The Failed page's resends, counts and rows in one answer, read by the engine at one moment: read apart, a finished
 * resend said "3 failed again" beside a list still empty and a count of 1 until the other answers came. `rows`: the
 * most any reason shows; while more are read, the page keeps what it shows.
 */
export const failedViewQuery = (engine: Engine, rows: number) =>
  queryOptions({
    queryKey: keys.failedView(rows),
    queryFn: () => engine.api('failedView', { query: { rows } }),
    placeholderData: keepPreviousData,
    // Not kept once the page is left: the menu's count follows the page's answer while it is open (failed-waiting.ts),
    // and an answer kept from an earlier visit took the count back to what was then, and the notices down with it.
    gcTime: 0,
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
