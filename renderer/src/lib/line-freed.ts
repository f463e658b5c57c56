import { useTranslation } from 'react-i18next';
import { useStats } from '../data/queries';

/**
 * What a discard of the event at the head of an ordered line also does: the events held behind it there go out at
 * once (or once the destination is resumed), said after the question; the question alone when the event heads no line,
 * or nothing waits behind it.
 * `stillOpen`: the discarded delivery is itself still to go, and so among the destination's backlog.
 */
export function useLineFreedText() {
  const { t } = useTranslation();
  const stats = useStats().data;
  // The question whole, with no space left at its end when nothing is freed.
  return (question: string, destinationId: string, eventId: string, stillOpen: boolean): string => {
    const destination = stats?.destinations.find((entry) => entry.id === destinationId);
    if (destination?.heldBy?.eventId !== eventId) return question;
    const count = destination.backlog - (stillOpen ? 1 : 0);
    if (count <= 0) return question;
    const key = destination.health === 'paused' ? 'failed.discardFreesLinePaused' : 'failed.discardFreesLine';
    return `${question} ${t(key, { count, name: destination.name })}`;
  };
}
