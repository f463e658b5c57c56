import { get, useFormContext } from 'react-hook-form';

/** The id a field's input names in `aria-describedby`, so a screen reader reads its error with it. */
export const errorIdOf = (name: string) => `error-${name.replace(/\W/g, '-')}`;

/**
 * The error of one field, under it: from the form's schema, or from the engine's answer. It sits inside
 * the field's label for the layout, hidden from the label's name; the input reads it through
 * `aria-describedby` instead.
 */
export function FieldError({ name }: { name: string }) {
  const { formState } = useFormContext();
  const error: { message?: string } | undefined = get(formState.errors, name);
  if (!error?.message) return null;
  return (
    <span className="field-error" id={errorIdOf(name)} aria-hidden="true">
      {error.message}
    </span>
  );
}
