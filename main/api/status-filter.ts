import type { EventFilterStatus, EventListItem } from './contract.js';

/**
 * Whether an event, as listed, is what the live log's Status filter names (see `eventFilterStatuses`), as the engine
 * answers it without a destination chosen: the dashboard places a new event in the lists it belongs to by this.
 */
export function matchesStatusFilter(
  item: Pick<EventListItem, 'status' | 'outcome' | 'heldBehind' | 'waitsPaused'>,
  status: EventFilterStatus,
): boolean {
  switch (status) {
    case 'pending':
      return item.outcome === 'pending' && !item.heldBehind && !item.waitsPaused;
    case 'waiting':
      return item.heldBehind;
    case 'waitsPaused':
      return item.waitsPaused;
    case 'failed':
    case 'discarded':
      return item.status === status;
    default:
      return item.outcome === status;
  }
}
