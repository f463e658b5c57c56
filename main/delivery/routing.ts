import type { ActiveDestination } from '../store/destinations.js';
import { subscribes } from './patterns.js';
import { said, type Said } from './said.js';

/** The destinations that take an event of this type from this source (paused ones too: their deliveries wait). */
export function destinationsFor(destinations: ActiveDestination[], type: string, sourceId: string | null): string[] {
  return destinations
    .filter((destination) => subscribes(destination, type, sourceId))
    .map((destination) => destination.id);
}

/**
 * Why no destination took an event, for the event's detail, from the destinations as they are now
 * (shown when asked, so it is true today).
 */
export function whyNotRouted(destinations: ActiveDestination[], type: string, sourceId: string | null): Said {
  if (destinations.length === 0) return said('routing.none');
  const takers = destinations.filter((destination) => subscribes(destination, type, sourceId));
  if (takers.length > 0) return said('routing.takenNow', { type, names: takers.map((d) => `“${d.name}”`).join(', ') });
  return said('routing.notTaken', { type });
}
