import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, NOT_RUNNING } from '../../../main/api/client';
import type { FieldProblem } from '../../../main/api/contract';
import { contractMessageInVietnamese } from '../../../main/i18n/contract-messages';
import { detailsSaid } from '../../../main/i18n/reason-text';
import { useReasonText } from './reason';

/**
 * An error as the merchant reads it: "Hookferry is not running" for no answer at all, else the engine's
 * sentence, in the chosen language when the engine gave its code.
 */
export function useErrorText() {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const fieldText = useFieldText();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiCallError)) return (error as Error).message;
      if (error.status === NOT_RUNNING) return t('app.notRunning');
      // A field's refusal away from its form: its own sentence, in the merchant's language, without the field's name.
      if (!error.reason && error.fields.length > 0) return error.fields.map(fieldText).join(' ');
      return reasonText(error.reason, error.message);
    },
    [t, reasonText, fieldText],
  );
}

/** One field problem in the chosen language; English keeps the engine's own (more specific) sentence. */
export function useFieldText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (field: FieldProblem) => {
      if (i18n.language === 'en') return field.message;
      const own = contractMessageInVietnamese(field.message);
      if (own) return own;
      // What the issue was about: zod's `origin` (string, number…), or the engine's own reason for a refusal it made.
      const about = field.params.origin ?? field.params.reason;
      const origin = typeof about === 'string' ? `_${about}` : '';
      return t([`fields.${field.code}${origin}`, `fields.${field.code}`], {
        ...detailsSaid(t, field.params),
        defaultValue: field.message,
      });
    },
    [t, i18n.language],
  );
}

/**
 * The field problems of a form's last save, by path; the first is scrolled into view. `capture` answers
 * whether the error was about fields (then the form shows it, not a banner). One about a field the form does not
 * show now (the own tunnel's address, under ngrok) goes to `sayWhole`: the save seemed to do nothing.
 */
export function useFieldErrors(sayWhole: (error: unknown) => void) {
  const [refused, setRefused] = useState<{ fields: FieldProblem[]; error: unknown }>({ fields: [], error: null });
  const [form, setForm] = useState<HTMLElement | null>(null);
  // Once, as the refusal comes: not again when the language changes later.
  const unshown = useEffectEvent((error: unknown) => sayWhole(error));
  useEffect(() => {
    if (!refused.fields.length) return;
    const first = form?.querySelector('.field-error');
    if (first) first.scrollIntoView({ block: 'center' });
    else unshown(refused.error);
  }, [refused, form]);
  const { fields } = refused;
  return {
    attach: setForm,
    errorAt: (path: string) => fields.find((field) => field.path === path || field.path.startsWith(`${path}.`)),
    capture: (error: unknown) => {
      const next = error instanceof ApiCallError ? error.fields : [];
      setRefused({ fields: next, error });
      return next.length > 0;
    },
    clear: () => setRefused({ fields: [], error: null }),
  };
}
