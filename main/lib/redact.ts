import { remembered } from './remembered.js';

/**
 * The one rule for which header values (and a destination address's query values) are never kept in the open,
 * logged or shown. A name is secret when a part of it (split on `-`, `_` and `.`) begins
 * or ends with one of these words: `X-Shop-Key`, `X-Api-Key`, `Private-Key`,
 * `X-Pass`, `Password`, `X-Csrf-Token`, `Authorization`, `Set-Cookie`,
 * `X-Session-Id`, `?api_key=`, `?sig=`. `Keep-Alive` is not (`keep` is not `key`); `X-Keyboard` is:
 * erring towards hiding a harmless header costs less than storing a password.
 * The intake adds the sender kinds' own header names (Shopify's HMAC header)
 * and the header each source verifies.
 */
const sensitiveWords = [
  'key',
  'pass',
  'secret',
  'token',
  'auth',
  'signature',
  // Signed links (Azure's SAS, many webhook receivers) carry their signature as `sig`.
  'sig',
  'session',
  'cookie',
  'csrf',
  'xsrf',
  'credential',
  'hmac',
  'pwd',
  'jwt',
  'bearer',
  'otp',
  'pin',
  'private',
  'signing',
];

export const REDACTED = '[redacted]';

/** Senders send the same few header names with every request: each is judged once. */
const isSecretLowerCase = remembered((lower) =>
  lower.split(/[-_.]/).some((part) => sensitiveWords.some((word) => part.startsWith(word) || part.endsWith(word))),
);

export function isSecretName(name: string): boolean {
  return isSecretLowerCase(name.toLowerCase());
}

export const isSecretHeader = isSecretName;

/** The headers as stored, logged and shown: names lower-case, every secret value replaced by a marker. */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
  alsoSecret: readonly string[] = [],
): Record<string, string> {
  const extra = new Set(alsoSecret.map((name) => name.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] = extra.has(lower) || isSecretHeader(lower) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
