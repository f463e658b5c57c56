/** Small rules about untyped values (parsed bodies, stored JSON) that every area shares. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as trimmed text: a non-empty string or a non-zero number (Teamcrop writes 0 and "" for "none"); otherwise null. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'number' && value !== 0) return String(value);
  if (typeof value === 'string' && value.trim()) return value.trim();
  return null;
}
