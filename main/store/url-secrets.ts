import { fieldRefused } from '../lib/errors.js';
import { isSecretName, REDACTED } from '../lib/redact.js';

/** A destination's secrets by name (as sealed in its `secrets` column). */
type Secrets = Record<string, string>;

/*
 * A query value whose name the one secret rule (lib/redact.ts) finds secret (`?token=`, `?api_key=`, `?sig=`)
 * is kept like a secret header: sealed with the destination's secrets and written `[redacted]` in the address
 * that is stored, answered, shown and exported. Only the delivery gets the real address (see openUrl). The
 * address is cut by hand, not rebuilt through URL, so what is sent is byte for byte what the merchant entered.
 */

interface Parameter {
  /** As written in the address, still percent-encoded. */
  name: string;
  value: string | null;
  /** Its key among the sealed secrets (`url:token`, `url:token#2` for a second `token`), when its name is secret. */
  key: string | null;
}

/** The address before its query, each query parameter, and its `#` part. */
function split(url: string): { head: string; parameters: Parameter[]; hash: string } {
  const hashAt = url.indexOf('#');
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt < 0) return { head: beforeHash, parameters: [], hash };
  const seen = new Map<string, number>();
  const parameters = beforeHash
    .slice(queryAt + 1)
    .split('&')
    .map((part) => {
      const equals = part.indexOf('=');
      const name = equals < 0 ? part : part.slice(0, equals);
      const value = equals < 0 ? null : part.slice(equals + 1);
      const decoded = decodedPart(name);
      if (!value || !isSecretName(decoded)) return { name, value, key: null };
      const count = (seen.get(decoded) ?? 0) + 1;
      seen.set(decoded, count);
      return { name, value, key: count === 1 ? `url:${decoded}` : `url:${decoded}#${count}` };
    });
  return { head: beforeHash.slice(0, queryAt + 1), parameters, hash };
}

function join(head: string, parameters: Parameter[], hash: string): string {
  if (!parameters.length) return `${head}${hash}`;
  const query = parameters.map(({ name, value }) => (value === null ? name : `${name}=${value}`)).join('&');
  return `${head}${query}${hash}`;
}

function decodedPart(part: string): string {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return part;
  }
}

const isMarker = (value: string) => decodedPart(value) === REDACTED;

/**
 * Takes the secret query values out of an address the merchant entered: the address to store (each such value
 * `[redacted]`) and the values to seal. `[redacted]` left in place keeps the value sealed before; without one
 * it is refused under the address field, or left out when `secretsLater` (an imported configuration).
 */
export function sealUrl(url: string, previous: Secrets, secretsLater: boolean): { url: string; secrets: Secrets } {
  const { head, parameters, hash } = split(url);
  const secrets: Secrets = {};
  const stored = parameters.map((parameter) => {
    const { key, value } = parameter;
    if (key === null || value === null) return parameter;
    const kept = isMarker(value) ? previous[key] : value;
    if (kept !== undefined) secrets[key] = kept;
    else if (!secretsLater) {
      const name = key.slice('url:'.length);
      throw fieldRefused(
        ['url'],
        `Hookferry does not have the value of ${name} in this address (it is kept hidden as ${REDACTED}): put the value in its place.`,
        'url_secret',
        { name },
      );
    }
    return { ...parameter, value: REDACTED };
  });
  return { url: join(head, stored, hash), secrets };
}

/** The sealed keys of the secret query values in a stored address, for the API to say which are set. */
export function urlSecretKeys(storedUrl: string): string[] {
  return split(storedUrl).parameters.flatMap(({ key }) => (key === null ? [] : [key]));
}

/** The address a delivery goes to: the stored one with its secret values put back; the names of those missing. */
export function openUrl(storedUrl: string, secrets: Secrets): { url: string; missing: string[] } {
  const { head, parameters, hash } = split(storedUrl);
  const missing: string[] = [];
  const opened = parameters.map((parameter) => {
    const { key, value } = parameter;
    if (key === null || value === null || !isMarker(value)) return parameter;
    const secret = secrets[key];
    if (secret === undefined) missing.push(key.slice('url:'.length));
    return secret === undefined ? parameter : { ...parameter, value: secret };
  });
  return { url: join(head, opened, hash), missing };
}

/** Whether an address as stored still holds a secret value in the open (stored before this rule). */
export function holdsOpenSecret(storedUrl: string): boolean {
  return split(storedUrl).parameters.some(({ key, value }) => key !== null && value !== null && !isMarker(value));
}

/**
 * The secret query values of an address the merchant entered that would be sent with the value sealed before
 * (left as `[redacted]`), by sealed key, with the name the merchant sees (`?token`).
 */
export function urlSecretsKept(url: string, previous: Secrets): { key: string; name: string }[] {
  return split(url).parameters.flatMap(({ key, value }) =>
    key !== null && value !== null && isMarker(value) && previous[key] !== undefined
      ? [{ key, name: `?${key.slice('url:'.length).replace(/#\d+$/, '')}` }]
      : [],
  );
}

/** The address without the query parameters sealed under `keys` (the merchant chose to send them no more). */
export function withoutUrlSecrets(url: string, keys: readonly string[]): string {
  const { head, parameters, hash } = split(url);
  const kept = parameters.filter(({ key }) => key === null || !keys.includes(key));
  // Every parameter gone, the `?` goes too.
  return join(kept.length || !parameters.length ? head : head.slice(0, -1), kept, hash);
}
