import { useQueries } from '@tanstack/react-query';
import { useApp } from '../context';
import { eventQuery } from './queries';

/** A row resent on its own from the Failed page, as the page needs it to follow that resend to its end. */
export interface ResentAlone {
  deliveryId: string;
  eventId: string;
}

/**
 * When each row resent on its own went through, by delivery id: read from its event's deliveries, which the live
 * stream reads again at each of its deliveries. A row delivered leaves the list with no word; a row failed again is
 * back in it, and the row says so.
 */
export function useResentDelivered(resent: ResentAlone[]): Record<string, string> {
  const { engine } = useApp();
  const details = useQueries({ queries: resent.map(({ eventId }) => eventQuery(engine, eventId)) });
  const delivered: Record<string, string> = {};
  resent.forEach(({ deliveryId }, index) => {
    const delivery = details[index]?.data?.deliveries.find((entry) => entry.id === deliveryId);
    const at = delivery?.attempts.findLast((attempt) => attempt.category === 'delivered')?.at;
    if (delivery?.status === 'delivered' && at) delivered[deliveryId] = at;
  });
  return delivered;
}
