import { useCallback } from 'react';
import type { EventListItem } from '../../../main/api/contract';
import { useReasonText } from './reason';

/**
 * An event's one-line summary in the chosen language. The engine writes a refused request's summary
 * in English (its type, then why); its reason code says the why again in the merchant's language.
 */
export function useEventSummary() {
  const reasonText = useReasonText();
  return useCallback(
    (event: Pick<EventListItem, 'type' | 'summary' | 'reason' | 'rejection'>) =>
      event.rejection ? `${event.type} · ${reasonText(event.rejection, event.reason ?? event.summary)}` : event.summary,
    [reasonText],
  );
}
