import { createContext, type ReactNode, useCallback, useContext, useId } from 'react';
import { get, useFormContext } from 'react-hook-form';

const FieldIdScope = createContext('');

/** Gives the fields inside their own ids: two forms on one page (a new source and an open one) name the same fields. */
export function FieldIds({ children }: { children: ReactNode }) {
  const scope = useId().replace(/\W/g, '');
  return <FieldIdScope.Provider value={scope}>{children}</FieldIdScope.Provider>;
}

/** The id a field's input names in `aria-describedby`, so a screen reader reads its error with it. */
export function useErrorIdOf() {
  const scope = useContext(FieldIdScope);
  return useCallback((name: string) => `error-${scope}-${name.replace(/\W/g, '-')}`, [scope]);
}

/** `aria-describedby` for a field's input, naming its error. */
export function useDescribedBy() {
  const errorIdOf = useErrorIdOf();
  return (name: string) => ({ 'aria-describedby': errorIdOf(name) });
}

/**
 * The error of one field, under it: from the form's schema, or from the engine's answer. It sits inside
 * the field's label for the layout, hidden from the label's name; the input reads it through
 * `aria-describedby` instead.
 */
export function FieldError({ name }: { name: string }) {
  const { formState } = useFormContext();
  const errorIdOf = useErrorIdOf();
  const error: { message?: string } | undefined = get(formState.errors, name);
  if (!error?.message) return null;
  return (
    <span className="field-error" id={errorIdOf(name)} aria-hidden="true">
      {error.message}
    </span>
  );
}
