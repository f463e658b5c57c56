import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../main/api/contract';

/**
 * A reason from the engine in the chosen language: `reasons.<code>` with its parameters, or the
 * engine's English sentence when this dashboard has no words for the code.
 */
export function useReasonText() {
  const { t } = useTranslation();
  return useCallback(
    (reason: Reason | null | undefined, english: string) =>
      reason ? t(`reasons.${reason.code}`, { ...reason.params, defaultValue: english }) : english,
    [t],
  );
}
