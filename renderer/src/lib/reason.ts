import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../main/api/contract';
import { eventTypeName } from '../../../main/i18n/event-types';
import { reasonText } from '../../../main/i18n/reason-text';

/**
 * A reason from the engine in the chosen language (see main/i18n/reason-text.ts); an event type it names
 * (`{{type}}`) is said by its name, as the live log says it.
 */
export function useReasonText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (reason: Reason | null | undefined, english: string, cause?: Reason | null) => {
      const type = reason?.params.type;
      const named =
        reason && typeof type === 'string'
          ? { ...reason, params: { ...reason.params, type: eventTypeName(type, i18n.language) } }
          : reason;
      return reasonText(t, named, english, cause);
    },
    [t, i18n.language],
  );
}
