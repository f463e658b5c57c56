/** Whether RHF's `dirtyFields` marks something under this node (`true` at a touched leaf). */
export function touched(mark: unknown): boolean {
  if (mark === true) return true;
  if (mark && typeof mark === 'object') return Object.values(mark).some(touched);
  return false;
}

/**
 * Only what the merchant touched, for a PATCH: a field left alone is not sent, so a change made
 * elsewhere meanwhile (a pause from the tray) is not written back. Arrays and objects go whole once
 * any part changed, except the keys in `partial`, whose touched members alone are sent.
 */
export function changedValues<T extends object>(
  dirty: object,
  values: T,
  partial: readonly (keyof T)[] = [],
): Partial<T> {
  const marks = dirty as Record<string, unknown>;
  const changed: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T & string)[]) {
    const mark = marks[key];
    if (!touched(mark)) continue;
    const value = values[key];
    changed[key] =
      partial.includes(key) && mark && typeof mark === 'object' && value && typeof value === 'object'
        ? (changedValues(mark, value) as T[keyof T & string])
        : value;
  }
  return changed;
}
