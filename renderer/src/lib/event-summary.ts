import { useCallback } from 'react';
import type { EventListItem } from '../../../main/api/contract';
import { summaryIn } from '../../../main/i18n/event-summary';
import { useEventTypeName } from './event-type-name';
import { useReasonText } from './reason';

/** An event's one-line summary in the chosen language (see main/i18n/event-summary.ts). */
export function useEventSummary() {
  const reasonText = useReasonText();
  const typeName = useEventTypeName();
  return useCallback(
    (event: Pick<EventListItem, 'type' | 'summary' | 'reason' | 'rejection'>) => summaryIn(event, typeName, reasonText),
    [reasonText, typeName],
  );
}
