import { useTranslation } from 'react-i18next';
import { useStats } from '../data/queries';

/**
 * What a discard of the event at the head of an ordered line also does: the events held behind it there go out at
 * once (or once the destination is resumed). Empty when the event heads no line, or nothing waits behind it.
 * `stillOpen`: the discarded delivery is itself still to go, and so among the destination's backlog.
 */
export function useLineFreedText() {
  const { t } = useTranslation();
  const stats = useStats().data;
  return (destinationId: string, eventId: string, stillOpen: boolean): string => {
    const destination = stats?.destinations.find((entry) => entry.id === destinationId);
    if (destination?.heldBy?.eventId !== eventId) return '';
    const count = destination.backlog - (stillOpen ? 1 : 0);
    if (count <= 0) return '';
    const key = destination.health === 'paused' ? 'failed.discardFreesLinePaused' : 'failed.discardFreesLine';
    return t(key, { count, name: destination.name });
  };
}
