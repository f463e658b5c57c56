import { type BaseSyntheticEvent, useCallback, useEffect, useState } from 'react';
import type { FieldValues, SubmitHandler, UseFormReturn } from 'react-hook-form';
import { ApiCallError } from '../../../main/api/client';
import { useApp } from '../context';
import { useErrorText, useFieldText } from '../lib/errors';

/**
 * A save the engine refused: each field it names gets its sentence under that field, in the chosen language
 * (the path is the form's own, both being the contract's schema), and the first is scrolled into view on a
 * long form. Anything else (the engine not running, a refusal about a field the form does not show) goes
 * beside the Save button and in the banner. `attach` is the form's ref. `submit` checks and saves as the form's own
 * handleSubmit does, after taking down what the page's last action said, as every action does (see useAction).
 */
export function useSaveError<T extends FieldValues, O>({ setError, handleSubmit }: UseFormReturn<T, unknown, O>) {
  const { say, unsayAction } = useApp();
  const fieldText = useFieldText();
  const errorText = useErrorText();
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  // A refusal about fields, until the form has drawn them: then it is scrolled to, or said whole if none shows.
  const [refusal, setRefusal] = useState<{ error: unknown } | null>(null);

  const whole = useCallback(
    (error: unknown) => {
      const message = errorText(error);
      setError('root.server', { type: 'server', message });
      say(message, 'error');
    },
    [setError, say, errorText],
  );

  useEffect(() => {
    if (!refusal) return;
    const first = form?.querySelector('.field-error');
    if (first) first.scrollIntoView({ block: 'center' });
    else whole(refusal.error);
  }, [refusal, form, whole]);

  const show = useCallback(
    (error: unknown) => {
      const fields = error instanceof ApiCallError ? error.fields : [];
      if (fields.length === 0) return whole(error);
      for (const field of fields)
        setError(field.path as never, { type: field.code, message: fieldText(field) }, { shouldFocus: true });
      setRefusal({ error });
    },
    [setError, fieldText, whole],
  );
  const submit = (save: SubmitHandler<O>) => (event?: BaseSyntheticEvent) => {
    unsayAction();
    return handleSubmit(save)(event);
  };
  return { attach: setForm, show, submit };
}
