import type { Reason } from '../api/contract.js';
import { REDACTED } from '../lib/redact.js';

/**
 * A value this short is not looked for: it would be found inside the sentence's own words and figures (a secret
 * header of `1` would turn "HTTP 500" into "HTTP 5[redacted]0"), and it hides nothing anyone could not guess.
 */
const SHORTEST = 4;

/** What a try says that the destination's answer may have filled: its sentence, the sentence's values, the answer. */
interface Said {
  error: string | null;
  reason: Reason | null;
  responseSnippet: string | null;
}

/**
 * What a try says with the destination's own secret values (its secret headers, the hidden values of its address,
 * its signing secret, a CRM's client secret or token) written `[redacted]`: a receiver that echoes the request in
 * its answer (an error page listing the headers, a redirect to an address carrying the key) would otherwise have
 * them stored with the try, answered by the API and told on the live stream.
 */
export function withoutSecrets<T extends Said>(said: T, secrets: Iterable<string>): T {
  const forms = formsOf(secrets);
  if (forms.length === 0) return said;
  const clean = (text: string) => scrubbed(text, forms);
  return {
    ...said,
    error: said.error === null ? null : clean(said.error),
    responseSnippet: said.responseSnippet === null ? null : clean(said.responseSnippet),
    reason:
      said.reason === null
        ? null
        : {
            code: said.reason.code,
            params: Object.fromEntries(
              Object.entries(said.reason.params).map(([name, value]) => [
                name,
                typeof value === 'string' ? clean(value) : value,
              ]),
            ),
          },
  };
}

/** Each value as sent, percent-decoded (a receiver reading a query) and percent-encoded; longest first. */
function formsOf(secrets: Iterable<string>): string[] {
  const forms = new Set<string>();
  for (const secret of secrets)
    for (const form of [secret, decoded(secret), encodeURIComponent(secret)])
      if (form.length >= SHORTEST) forms.add(form);
  return [...forms].sort((a, b) => b.length - a.length);
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return value;
  }
}

/**
 * Every whole value replaced; then the start of one where the text was cut short (the answer's first 2 KB, an
 * address cut with `…`), which would otherwise keep most of the value.
 */
function scrubbed(text: string, forms: string[]): string {
  let clean = text;
  for (const form of forms) clean = clean.replaceAll(form, REDACTED);
  const ellipsis = clean.endsWith('…') ? '…' : '';
  const body = ellipsis ? clean.slice(0, -1) : clean;
  for (const form of forms)
    for (let length = form.length - 1; length >= SHORTEST; length--)
      if (body.endsWith(form.slice(0, length))) return `${body.slice(0, -length)}${REDACTED}${ellipsis}`;
  return clean;
}
