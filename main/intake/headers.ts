/** Request headers as Node gives them: lower-case names, repeated ones as arrays. */
export type Headers = Record<string, string | string[] | undefined>;

/** A header's first value, trimmed; `undefined` when absent or blank. */
export function headerValue(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

/**
 * A header as its sender wrote it: Node reads header bytes as Latin-1, so `đơn hàng` sent in UTF-8 came out as
 * `Ä\x91Æ¡n hÃ\xa0ng`, and a destination's pattern for it, or a source's key (`mậtkhẩu-cửahàng`), never matched.
 * Bytes that are not UTF-8 stay as read.
 */
export function headerText(value: string): string {
  if (!/[\x80-\xff]/.test(value)) return value;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? value : decoded;
}
