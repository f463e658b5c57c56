import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventListItem } from '../../../main/api/contract';
import { summaryIn } from '../../../main/i18n/event-summary';
import { useEventTypeName } from './event-type-name';
import { useReasonText } from './reason';

type Summarized = Pick<EventListItem, 'type' | 'summary' | 'reason' | 'rejection'>;

/**
 * An event's one-line summary in the chosen language (see main/i18n/event-summary.ts). A refused request reads as
 * refused first: its type alone ("New order") read as an order that arrived.
 */
export function useEventSummary() {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const typeName = useEventTypeName();
  return useCallback(
    (event: Summarized) =>
      event.rejection
        ? t('log.refusedSummary', {
            type: typeName(event.type),
            why: reasonText(event.rejection, event.reason ?? event.summary),
          })
        : summaryIn(event, typeName, reasonText),
    [t, reasonText, typeName],
  );
}

/** The drawer's title for an event: a refused request's reason is said below it, once. */
export function useEventTitle() {
  const { t } = useTranslation();
  const summaryOf = useEventSummary();
  const typeName = useEventTypeName();
  return useCallback(
    (event: Summarized) => (event.rejection ? t('log.refusedTitle', { type: typeName(event.type) }) : summaryOf(event)),
    [t, summaryOf, typeName],
  );
}
