import { nameKey } from '../api/contract.js';
import { fieldRefused } from '../lib/errors.js';
import { inEnglish } from '../i18n/english.js';
import { en } from '../i18n/en.js';

/**
 * A second source or destination of the same name (trimmed, in any case) is refused under its name field: the
 * shopkeeper could not tell the two apart in the live log, and a configuration file, which matches them by name,
 * could no longer be exported.
 */
export function refuseTakenName(
  what: 'source' | 'destination',
  existing: { id: string; name: string }[],
  name: string | undefined,
  exceptId?: string,
): void {
  if (name === undefined) return;
  const other = existing.find((item) => item.id !== exceptId && nameKey(item.name) === nameKey(name));
  if (!other) return;
  const reason = `name_taken_${what}`;
  throw fieldRefused(['name'], inEnglish({ en: en.fields }, `custom_${reason}`, { name: other.name }), reason, {
    name: other.name,
  });
}
