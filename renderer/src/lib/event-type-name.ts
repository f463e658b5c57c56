import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { eventTypeName } from '../../../main/i18n/event-types';

/** An event type's name in the chosen language (see main/i18n/event-types.ts), or its code when it has none. */
export function useEventTypeName() {
  const { i18n } = useTranslation();
  return useCallback((type: string) => eventTypeName(type, i18n.language), [i18n.language]);
}
