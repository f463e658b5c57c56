import type { ActiveDestination } from '../store/destinations.js';
import { subscribes, takesSource } from './patterns.js';

/** The destinations that take an event of this type from this source (paused ones too: their deliveries wait). */
export function destinationsFor(destinations: ActiveDestination[], type: string, sourceId: string | null): string[] {
  return destinations
    .filter((destination) => subscribes(destination, type, sourceId))
    .map((destination) => destination.id);
}

/**
 * Why no destination took an event, in a sentence for the event's detail, from
 * the destinations as they are now (shown when asked, so it is true today).
 */
export function whyNotRouted(destinations: ActiveDestination[], type: string, sourceId: string | null): string {
  if (destinations.length === 0)
    return 'There are no destinations yet, so this event was only stored. Add one under Destinations.';
  const takers = destinations.filter((destination) => subscribes(destination, type, sourceId));
  if (takers.length > 0)
    return `When this event arrived, no destination took ${type}. ${takers.map((d) => `“${d.name}”`).join(', ')} ${takers.length === 1 ? 'does' : 'do'} now: Resend to all sends it there.`;
  const reasons = destinations.map((destination) => {
    if (!takesSource(destination, sourceId)) return `“${destination.name}” takes events from other sources only`;
    return `“${destination.name}” takes ${destination.events.join(', ')}`;
  });
  return `No destination subscribes to ${type}: ${reasons.join('; ')}.`;
}
