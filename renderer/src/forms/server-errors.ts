import type { FieldValues, UseFormSetError } from 'react-hook-form';

/**
 * A save the engine refused: each field it names gets its sentence under that field (the path is the
 * same as the form's, both being the contract's schema); anything else goes beside the Save button,
 * in view, instead of a banner at the top of a long form.
 */
export function showSaveError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  say: (text: string, tone: 'error') => void,
): void {
  const message = error instanceof Error ? error.message : String(error);
  const fields = (error as { fields?: unknown }).fields;
  if (Array.isArray(fields) && fields.length > 0) {
    for (const field of fields as { path: string; message?: string }[])
      setError(field.path as never, { type: 'server', message: field.message ?? message }, { shouldFocus: true });
    return;
  }
  setError('root.server', { type: 'server', message });
  say(message, 'error');
}
