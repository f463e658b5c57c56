import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../main/api/contract';
import { reasonText } from '../../../main/i18n/reason-text';

/** A reason from the engine in the chosen language (see main/i18n/reason-text.ts). */
export function useReasonText() {
  const { t } = useTranslation();
  return useCallback(
    (reason: Reason | null | undefined, english: string, cause?: Reason | null) =>
      reasonText(t, reason, english, cause),
    [t],
  );
}
