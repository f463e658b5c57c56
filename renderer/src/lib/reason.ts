import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../main/api/contract';
import { withTypeNamed } from '../../../main/i18n/event-types';
import { previewReasonText, reasonText, testReasonText } from '../../../main/i18n/reason-text';

/**
 * A reason from the engine in the chosen language (see main/i18n/reason-text.ts); an event type it names
 * (`{{type}}`) is said by its name, as the live log says it.
 */
export function useReasonText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (reason: Reason | null | undefined, english: string, cause?: Reason | string | null) =>
      reasonText(t, reason && withTypeNamed(reason, i18n.language), english, cause),
    [t, i18n.language],
  );
}

/** Why a test event failed, in the chosen language, without a delivery's advice to resend it from Failed. */
export function useTestReasonText() {
  return useReasonTextAs(testReasonText);
}

/** Why a preview shows no output, in the chosen language, without a delivery's "nothing was sent, resend". */
export function usePreviewReasonText() {
  return useReasonTextAs(previewReasonText);
}

function useReasonTextAs(said: typeof testReasonText) {
  const { t, i18n } = useTranslation();
  return useCallback(
    (reason: Reason | null | undefined, english: string) =>
      said(t, reason && withTypeNamed(reason, i18n.language), english),
    [t, i18n.language, said],
  );
}
