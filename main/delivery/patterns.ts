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

export function subscribes(
  destination: { events: string[]; sourceIds: string[] },
  type: string,
  sourceId: string | null,
): boolean {
  if (destination.sourceIds.length > 0 && (sourceId === null || !destination.sourceIds.includes(sourceId)))
    return false;
  return destination.events.some((pattern) => matchesPattern(pattern, type));
}
