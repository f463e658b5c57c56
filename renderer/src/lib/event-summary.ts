import { useCallback } from 'react';
import type { EventListItem } from '../../../main/api/contract';
import { useEventTypeName } from './event-type-name';
import { useReasonText } from './reason';

/**
 * An event's one-line summary in the chosen language. The engine starts every summary with the event's
 * type code; the merchant reads the type's name there instead. A refused request's summary is the engine's
 * English (its type, then why); its reason code says the why again in the merchant's language.
 */
export function useEventSummary() {
  const reasonText = useReasonText();
  const typeName = useEventTypeName();
  return useCallback(
    (event: Pick<EventListItem, 'type' | 'summary' | 'reason' | 'rejection'>) => {
      if (event.rejection)
        return `${typeName(event.type)} · ${reasonText(event.rejection, event.reason ?? event.summary)}`;
      const lead = event.summary.trimStart();
      return lead === event.type || lead.startsWith(`${event.type} · `)
        ? `${typeName(event.type)}${lead.slice(event.type.length)}`
        : event.summary;
    },
    [reasonText, typeName],
  );
}
