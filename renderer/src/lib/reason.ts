import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../main/api/contract';

/**
 * A reason from the engine in the chosen language: `reasons.<code>` with its parameters, or the
 * engine's English sentence when this dashboard has no words for the code. A `cause` (why a delivery
 * failed, inside a notice) is said first and filled into the sentence's `{{cause}}`.
 */
export function useReasonText() {
  const { t } = useTranslation();
  return useCallback(
    (reason: Reason | null | undefined, english: string, cause?: Reason | null) => {
      if (!reason) return english;
      const causeText = cause ? t(`reasons.${cause.code}`, { ...cause.params, defaultValue: '' }) : undefined;
      return t(`reasons.${reason.code}`, {
        ...reason.params,
        ...(causeText === undefined ? {} : { cause: causeText }),
        defaultValue: english,
      });
    },
    [t],
  );
}
