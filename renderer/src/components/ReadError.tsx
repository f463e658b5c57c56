import { useErrorText } from '../lib/errors';

/**
 * Why a page could not read what it shows, in the dashboard's language: the client's own sentence is English (it has
 * no language), and a Vietnamese page said "Hookferry is not running…" under its Vietnamese banner.
 */
export function ReadError({ error, className = 'error-text' }: { error: unknown; className?: string }) {
  const errorText = useErrorText();
  return (
    <p className={className} role="alert">
      {errorText(error)}
    </p>
  );
}
