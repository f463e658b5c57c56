import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { EventListItem, EventListPage, StreamMessage } from '../../../main/api/contract';
import { matchesSearch } from '../../../main/api/search-fold';
import { matchesStatusFilter } from '../../../main/api/status-filter';
import { type EventFilters, keys, keysOfChange } from './keys';

/** Figures (stats, failed groups, an open event) are read again at most this often under a flood of messages. */
const FIGURES_EVERY_MS = 1000;
/** Saved configuration is read again promptly, a burst (an import) coalesced into one read. */
const CONFIG_EVERY_MS = 150;

/**
 * Whether a new event belongs at the top of a list with these filters (what the engine would answer): the
 * search uses the engine's own folding over the text it indexed (`searchText`, sent with the event).
 */
export function matchesFilters(item: EventListItem, searchText: string, filters: EventFilters): boolean {
  return (
    (!filters.status || matchesStatusFilter(item, filters.status)) &&
    (!filters.sourceId || item.sourceId === filters.sourceId) &&
    (!filters.type || item.type === filters.type) &&
    // A new event has no deliveries yet to tell which destination it goes to: that list is refetched instead.
    !filters.destinationId &&
    (!filters.q || matchesSearch(searchText, filters.q))
  );
}

type EventPages = InfiniteData<EventListPage, string | null>;

/** Invalidates the keys it is given at most once per window. */
function throttledInvalidation(client: QueryClient, windowMs: number) {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    add(key: QueryKey) {
      pending.set(JSON.stringify(key), key);
      timer ??= setTimeout(() => {
        timer = undefined;
        const due = [...pending.values()];
        pending.clear();
        for (const queryKey of due) void client.invalidateQueries({ queryKey });
      }, windowMs);
    },
    stop() {
      clearTimeout(timer);
      pending.clear();
    },
  };
}

/**
 * Writes `data` into a list, keeping it marked stale if it was: a list marked so after a reconnect (messages may have
 * been missed) and not read since (hidden behind another page) would otherwise count as fresh once a message is
 * written into it, and show what it held before the engine went away: an order delivered meanwhile as still waiting.
 */
function writeKeepingStale(client: QueryClient, key: QueryKey, data: EventPages): void {
  const stale = client.getQueryState(key)?.isInvalidated === true;
  client.setQueryData<EventPages>(key, data);
  if (stale) void client.invalidateQueries({ queryKey: key, exact: true, refetchType: 'none' });
}

/**
 * The one place live messages reach the cache: new events go to the top of the lists they match,
 * delivery news updates the rows and marks figures stale, and `changed` marks saved configuration stale.
 * Returns what the stream calls for each message, and the function that stops the pending timers.
 */
export function liveCache(client: QueryClient) {
  const figures = throttledInvalidation(client, FIGURES_EVERY_MS);
  const config = throttledInvalidation(client, CONFIG_EVERY_MS);

  const onMessage = (message: StreamMessage) => {
    switch (message.type) {
      case 'event': {
        const { event } = message;
        for (const [key, data] of client.getQueriesData<EventPages>({ queryKey: keys.eventLists })) {
          const filters = key[2] as EventFilters;
          const [first, ...rest] = data?.pages ?? [];
          if (!data || !first) continue;
          if (!matchesFilters(event, message.searchText, filters)) {
            if (filters.destinationId) figures.add(key);
            continue;
          }
          if (data.pages.some((page) => page.items.some((item) => item.id === event.id))) continue;
          writeKeepingStale(client, key, { ...data, pages: [{ ...first, items: [event, ...first.items] }, ...rest] });
        }
        figures.add(keys.stats);
        return;
      }
      case 'delivery': {
        // A delivery on its way (sending now, due, or to be retried) makes the event on its way, and one with
        // nothing still to go waits for nothing. Otherwise what the event waits for depends on its other deliveries
        // (one failed at Sheet may still wait for a paused CRM): read again from the engine.
        const { delivery } = message;
        const open = delivery.status === 'pending' || delivery.status === 'retrying';
        const onItsWay = delivery.status === 'delivering' || (open && !delivery.paused && delivery.heldBy === null);
        const waitsNot = onItsWay || message.eventOutcome !== 'pending';
        for (const [key, data] of client.getQueriesData<EventPages>({ queryKey: keys.eventLists })) {
          if (!data) continue;
          const shown = data.pages.flatMap((page) => page.items).find((item) => item.id === message.eventId);
          const listed = shown !== undefined;
          if (shown && !waitsNot) figures.add(key);
          if (listed)
            writeKeepingStale(client, key, {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) =>
                  item.id === message.eventId
                    ? {
                        ...item,
                        status: message.eventStatus,
                        outcome: message.eventOutcome,
                        heldBehind: item.heldBehind && !waitsNot,
                        waitsPaused: item.waitsPaused && !waitsNot,
                      }
                    : item,
                ),
              })),
            });
          // A list filtered by status gains or loses the event with its new status, as its badge names it (at the
          // chosen destination, its delivery's there): the engine's answer is read again, and when what the event
          // waits for is not known here.
          const { status, destinationId } = key[2] as EventFilters;
          const now = {
            status: message.eventStatus,
            outcome: message.eventOutcome,
            heldBehind: !!shown?.heldBehind && !waitsNot,
            waitsPaused: !!shown?.waitsPaused && !waitsNot,
          };
          if (
            status &&
            (destinationId
              ? delivery.destinationId === destinationId
              : !waitsNot || listed !== matchesStatusFilter(now, status))
          )
            figures.add(key);
        }
        figures.add(keys.eventDetail(message.eventId));
        figures.add(keys.stats);
        figures.add(keys.deliveries);
        return;
      }
      case 'duplicate':
        figures.add(keys.eventDetail(message.eventId));
        return;
      case 'resend-batch':
        // Read again with the Failed page's counts and rows, not set alone: its figures must agree with them.
        figures.add(keys.deliveries);
        return;
      case 'changed':
        config.add(keysOfChange[message.what]);
        // Stats say whether deliveries are paused (settings) and carry each destination's figures.
        if (message.what === 'settings' || message.what === 'destinations') figures.add(keys.stats);
        // A deleted destination gives up what waited there: its events' statuses (a failed order is discarded) and
        // the Failed page's groups change with no delivery message to say so; a paused one's drawer says so.
        if (message.what === 'destinations') {
          figures.add(keys.events);
          figures.add(keys.deliveries);
        }
        // A renamed source names its events' rows and drawers by its name now (the engine reads it with them).
        if (message.what === 'sources') figures.add(keys.events);
        // A pause of every delivery (the tray's) turns an open drawer's "next try at …" into "paused", and a
        // listed event on its way into one that waits for the resume.
        if (message.what === 'settings') {
          figures.add(keys.eventDetails);
          figures.add(keys.eventLists);
        }
        return;
      case 'public-address': {
        const { type: _type, ...status } = message;
        client.setQueryData(keys.publicAddress, status);
        // Each source's publicUrl follows the public address.
        config.add(keys.sources);
        return;
      }
      case 'notice':
        return;
    }
  };

  return {
    onMessage,
    /** A (re)connected stream may have missed messages: everything is read again. */
    onConnected: () => void client.invalidateQueries(),
    stop: () => {
      figures.stop();
      config.stop();
    },
  };
}
