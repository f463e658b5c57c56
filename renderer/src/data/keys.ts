import type { ChangeKind, EventListQuery } from '../../../main/api/contract';

/** The filters of one live-log list; the page cursor and size are the query's own business. */
export type EventFilters = Pick<EventListQuery, 'status' | 'sourceId' | 'destinationId' | 'type' | 'q'>;

/**
 * Every query key the dashboard uses, in one place, so the live stream and the
 * mutations invalidate exactly what they mean to.
 */
export const keys = {
  settings: ['settings'],
  sources: ['sources'],
  destinations: ['destinations'],
  senderCatalog: ['catalog', 'senders'],
  destinationKinds: ['catalog', 'destinations'],
  publicAddress: ['public-address'],
  stats: ['stats'],
  /** Everything about deliveries and their resends (the Failed page). */
  deliveries: ['deliveries'],
  /** The Failed page's answers, whatever number of rows each was read with. */
  failedViews: ['deliveries', 'failed'],
  /** The Failed page, with the most rows a reason of it shows. */
  failedView: (rows: number) => ['deliveries', 'failed', rows] as const,
  /** A destination's events from before it took them, as counted for its settings as saved then. */
  earlierAll: ['earlier'],
  earlier: (destinationId: string, savedAt: string) => ['earlier', destinationId, savedAt] as const,
  events: ['events'],
  eventLists: ['events', 'list'],
  eventList: (filters: EventFilters) => ['events', 'list', filters] as const,
  eventDetails: ['events', 'detail'],
  eventDetail: (id: string) => ['events', 'detail', id] as const,
} as const;

/** The queries a `changed` stream message (or a save of that kind) makes stale. */
export const keysOfChange: Record<ChangeKind, readonly string[]> = {
  settings: keys.settings,
  sources: keys.sources,
  destinations: keys.destinations,
  disk: keys.stats,
};
