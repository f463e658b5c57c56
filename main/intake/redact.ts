const alwaysSecret = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-shopify-hmac-sha256',
  'x-wc-webhook-signature',
  'webhook-signature',
]);
const secretLooking = /token|secret|signature|password|passwd|api[-_]?key|auth|session|credential/i;

export const REDACTED = '[redacted]';

/**
 * The headers as stored and shown: credentials, cookies, signatures, anything
 * named like a token, and the header the source verifies (a merchant's custom
 * header is a password in practice) are replaced by a marker.
 */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
  alsoSecret: string[] = [],
): Record<string, string> {
  const extra = new Set(alsoSecret.map((name) => name.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] =
      alwaysSecret.has(lower) || extra.has(lower) || secretLooking.test(lower)
        ? REDACTED
        : Array.isArray(value)
          ? value.join(', ')
          : value;
  }
  return out;
}
