/** Small rules about untyped values (parsed bodies, stored JSON) that every area shares. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A scalar as trimmed text: a non-empty string or a non-zero number; otherwise null. Teamcrop writes 0 and "" for
 * "none", and in XML, where every value is text, that 0 is "0".
 */
export function textOf(value: unknown): string | null {
  if (typeof value === 'number' && value !== 0) return String(value);
  if (typeof value === 'string' && value.trim() && value.trim() !== '0') return value.trim();
  return null;
}

/**
 * The body itself, and when it has one root element (XML, or `{"order": {…}}`), what sits inside it: where the live
 * log's summary, the event type and the Zithara mapping read a sender's fields.
 */
export function topLevelRecords(parsed: unknown): Record<string, unknown>[] {
  if (!isRecord(parsed)) return [];
  const keys = Object.keys(parsed).filter((key) => key !== '?xml');
  const only = keys.length === 1 ? parsed[keys[0]!] : undefined;
  return isRecord(only) ? [parsed, only] : [parsed];
}

/**
 * A list as JSON or XML writes it: an array; or, from XML, an element holding its repeated children
 * (`<items><item>…</item><item>…</item></items>` is `{item: […]}`, or `{item: {…}}` with one child). Else none.
 */
export function listOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value as unknown[];
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;
  const inner = value[keys[0]!];
  return Array.isArray(inner) ? inner : isRecord(inner) ? [inner] : null;
}
