/**
 * Event selection: `*` matches everything, a trailing or inner `*` matches any
 * run of characters (`order.*`, `orders/*`), anything else is an exact type.
 */
export function matchesPattern(pattern: string, type: string): boolean {
  if (pattern === '*' || pattern === type) return true;
  if (!pattern.includes('*')) return false;
  const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(type);
}

/** The one source-filter rule: no sources chosen means every source; otherwise only those (never an event without one). */
export function takesSource(destination: { sourceIds: string[] }, sourceId: string | null): boolean {
  return destination.sourceIds.length === 0 || (sourceId !== null && destination.sourceIds.includes(sourceId));
}

export function subscribes(
  destination: { events: string[]; sourceIds: string[] },
  type: string,
  sourceId: string | null,
): boolean {
  return takesSource(destination, sourceId) && destination.events.some((pattern) => matchesPattern(pattern, type));
}
