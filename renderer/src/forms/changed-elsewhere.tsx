import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What the merchant holds in a field they changed here; undefined for a field left alone. */
export type Yours = (path: string) => { value: unknown } | undefined;

/** Every leaf of saved values, by its dotted path, as JSON: plain objects are walked into, lists are one leaf. */
function leaves(values: object, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(values)) {
    const path = prefix + key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) leaves(value as object, `${path}.`, into);
    else into.set(path, JSON.stringify(value));
  }
  return into;
}

/**
 * The fields the merchant changed in an open form that were also changed elsewhere since (the tray, another window,
 * the API), to a value other than theirs: Save would put theirs in place of that change without a word. `saved` is
 * what the engine holds now. A field left alone follows what is saved, so what the merchant started from is the
 * saved value as it was when they began to change it.
 */
export function useChangedElsewhere(saved: object, yours: Yours): string[] {
  const now = leaves(saved);
  const [seen, setSeen] = useState(now);
  const followed = [...now].filter(([path, value]) => !yours(path) && seen.get(path) !== value);
  // Kept while rendering (React's pattern for state that follows props): an effect would show one stale frame.
  if (followed.length > 0) setSeen(new Map([...seen, ...followed]));
  return [...now]
    .filter(([path, value]) => {
      const mine = yours(path);
      return !!mine && seen.has(path) && seen.get(path) !== value && JSON.stringify(mine.value) !== value;
    })
    .map(([path]) => path);
}

/**
 * Says, above a form's Save, which of the fields the merchant changed were changed elsewhere meanwhile, and offers to
 * take the saved values instead. `labelOf` names a field as its form does (null: one the form does not name).
 */
export function ChangedElsewhere({
  paths,
  labelOf,
  onTakeSaved,
}: {
  paths: string[];
  labelOf: (path: string) => string | null;
  onTakeSaved: (paths: string[]) => void;
}) {
  const { t } = useTranslation();
  if (paths.length === 0) return null;
  const names = [...new Set(paths.map((path) => labelOf(path) ?? t('changedElsewhere.other')))];
  return (
    <div className="banner warn" role="alert" data-testid="changed-elsewhere">
      <span>
        {t('changedElsewhere.said', { count: names.length, fields: names.map((name) => `“${name}”`).join(', ') })}
      </span>
      <button type="button" onClick={() => onTakeSaved(paths)}>
        {t('changedElsewhere.takeSaved')}
      </button>
    </div>
  );
}
