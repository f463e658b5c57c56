import { remembered } from './remembered.js';

/**
 * The one rule for which header values are never kept, logged or shown. A
 * header is secret when a part of its name (split on `-`, `_` and `.`) begins
 * or ends with one of these words: `X-Shop-Key`, `X-Api-Key`, `Private-Key`,
 * `X-Pass`, `Password`, `X-Csrf-Token`, `Authorization`, `Set-Cookie`,
 * `X-Session-Id`. `Keep-Alive` is not (`keep` is not `key`); `X-Keyboard` is:
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
const isSecretName = remembered((lower) =>
  lower.split(/[-_.]/).some((part) => sensitiveWords.some((word) => part.startsWith(word) || part.endsWith(word))),
);

export function isSecretHeader(name: string): boolean {
  return isSecretName(name.toLowerCase());
}

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
