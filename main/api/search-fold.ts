/**
 * Search the way shopkeepers type: without caring for case, accents or đ.
 * One folding for the engine's index and the live log's matching of new rows;
 * no Node imports, so the dashboard can use it too.
 */

/** Anything but printable ASCII, which has nothing to strip. */
const BEYOND_ASCII = /[^ -~]/;

/** Lower case, accents stripped (NFD, marks removed), đ as d: "Đỗ Văn Nam" → "do van nam". */
export function fold(text: string): string {
  // Ids, emails, phones and references are mostly plain ASCII: Unicode normalization is skipped for them.
  if (!BEYOND_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * A query that is only a phone number, however it is typed, as shops store it: "0912 345 678",
 * "0912.345.678" and "+84 912 345 678" all become "0912345678". Anything else is left as it is.
 */
export function asStoredPhone(query: string): string {
  if (!/^\s*\+?[\d\s.()-]{8,}$/.test(query)) return query;
  const digits = query.replace(/\D/g, '');
  // Vietnam's country code written in front of a number stored with its leading 0.
  return /^84\d{9,10}$/.test(digits) ? `0${digits.slice(2)}` : digits;
}

/**
 * The words of a query, each a list of its parts: "SPIRAL-1706 nguyen" → [["spiral", "1706"], ["nguyen"]].
 * Letters and digits make a part; anything else separates parts, as the index's tokenizer does.
 */
export function searchWords(query: string): string[][] {
  return fold(asStoredPhone(query))
    .split(/\s+/)
    .map((word) => word.split(/[^\p{L}\p{N}]+/u).filter(Boolean))
    .filter((parts) => parts.length > 0);
}

/**
 * Whether folded text matches a query: every word's parts appear as consecutive
 * tokens, the last one as a prefix, the same rule as the index's prefix phrases.
 */
export function matchesSearch(foldedText: string, query: string): boolean {
  const tokens = foldedText.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return searchWords(query).every((parts) =>
    tokens.some((_, start) =>
      parts.every((part, i) => {
        const token = tokens[start + i];
        return token !== undefined && (i === parts.length - 1 ? token.startsWith(part) : token === part);
      }),
    ),
  );
}
