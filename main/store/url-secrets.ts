import { fieldRefused } from '../lib/errors.js';
import { isSecretName, REDACTED } from '../lib/redact.js';

/** A destination's secrets by name (as sealed in its `secrets` column). */
type Secrets = Record<string, string>;

/*
 * A query value whose name the one secret rule (lib/redact.ts) finds secret (`?token=`, `?api_key=`, `?sig=`)
 * is kept like a secret header: sealed with the destination's secrets and written `[redacted]` in the address
 * that is stored, answered, shown and exported. Only the delivery gets the real address (see openUrl). The
 * address is cut by hand, not rebuilt through URL, so what is sent is byte for byte what the merchant entered.
 * The query's parameters are parted by `&` or `;` (some receivers read `;` as `&`), and a `#` part's parameters
 * (`#token=`) are judged the same way. A `;` parts only before a `name=`: one followed by no parameter is the
 * value's own (`?token=abc;def`), so the value is hidden whole. A capability address (Slack, Zapier, Make, Discord, Google Apps Script:
 * see CAPABILITY_ADDRESSES) is its own key: its path past the host's fixed prefix is sealed as one value, under
 * PATH_KEY, and shown `https://hooks.slack.com/services/[redacted]`.
 */

/** The sealed key of a capability address's path. */
export const PATH_KEY = 'url:path';

/**
 * Hosts whose webhook address is the key itself, and the fixed start of its path: what follows is secret, to the
 * path's end, or only as far as `secret` reaches (Telegram's bot token, the method after it left in the open).
 */
const CAPABILITY_ADDRESSES: { host: RegExp; prefix: RegExp; secret?: RegExp }[] = [
  { host: /^hooks\.slack\.com$/, prefix: /^\/(?:services|workflows|triggers)\//i },
  { host: /^hooks\.zapier\.com$/, prefix: /^\/hooks\/(?:catch|standard)\//i },
  { host: /^hook\.(?:[a-z0-9-]+\.)?(?:make|integromat)\.com$/, prefix: /^\//i },
  { host: /^(?:(?:canary|ptb)\.)?discord(?:app)?\.com$/, prefix: /^\/api\/(?:v\d+\/)?webhooks\//i },
  { host: /^script\.google\.com$/, prefix: /^\/(?:a\/macros\/[^/]+|macros)\/s\//i },
  { host: /^www\.discord(?:app)?\.com$/, prefix: /^\/api\/(?:v\d+\/)?webhooks\//i },
  // Make's addresses since it is part of Celonis.
  { host: /^hook\.(?:[a-z0-9-]+\.)?make\.celonis\.com$/, prefix: /^\//i },
  // Zapier's older addresses, still answered.
  { host: /^(?:www\.)?zapier\.com$/, prefix: /^\/hooks\/(?:catch|standard)\//i },
  // Microsoft Teams' incoming webhooks, and their older Office 365 connector addresses.
  { host: /^(?:[a-z0-9-]+\.)*webhook\.office\.com$/, prefix: /^\/webhookb2\//i },
  { host: /^outlook\.office(?:365)?\.com$/, prefix: /^\/webhook\//i },
  // A bot's methods, and its files (`/file/bot<token>/…`) which the same token opens.
  { host: /^api\.telegram\.org$/, prefix: /^\/(?:file\/)?bot/i, secret: /^[^/]+/ },
];

interface Parameter {
  /** What parts it from the one before: `&` or `;` (empty for the first). */
  separator: string;
  /** As written in the address, still percent-encoded. */
  name: string;
  value: string | null;
  /** Its key among the sealed secrets (`url:token`, `url:token#2` for a second `token`), when its name is secret. */
  key: string | null;
  /** `?` in the query, `#` in the `#` part: how the merchant is told which value it is (`?token`). */
  mark: '?' | '#';
}

interface Parts {
  /** The address before its secret path, or before its query or `#` part. */
  head: string;
  /** A capability address's path past its host's fixed prefix; null for any other address. */
  path: string | null;
  /** The path after a secret that does not run to its end (a Telegram bot's method); empty for any other. */
  tail: string;
  /** The query's parameters; null without a `?`. */
  query: Parameter[] | null;
  /** The `#` part's parameters; null without a `#`. */
  fragment: Parameter[] | null;
}

/** The address cut in its parts (joined again by join, byte for byte). */
function split(url: string): Parts {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const beforeQuery = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const seen = new Map<string, number>();
  const parameters = (text: string, mark: Parameter['mark']): Parameter[] => {
    const pieces = partedAt(text);
    const list: Parameter[] = [];
    for (let at = 0; at < pieces.length; at += 2) {
      const part = pieces[at]!;
      const separator = at === 0 ? '' : pieces[at - 1]!;
      const equals = part.indexOf('=');
      const name = equals < 0 ? part : part.slice(0, equals);
      const value = equals < 0 ? null : part.slice(equals + 1);
      const decoded = decodedPart(name);
      if (!value || !isSecretName(decoded)) {
        list.push({ separator, name, value, key: null, mark });
        continue;
      }
      const count = (seen.get(decoded) ?? 0) + 1;
      seen.set(decoded, count);
      list.push({ separator, name, value, key: count === 1 ? `url:${decoded}` : `url:${decoded}#${count}`, mark });
    }
    return list;
  };
  const secretPath = capabilityPathSpan(beforeQuery);
  return {
    head: secretPath ? beforeQuery.slice(0, secretPath[0]) : beforeQuery,
    path: secretPath ? beforeQuery.slice(...secretPath) : null,
    tail: secretPath ? beforeQuery.slice(secretPath[1]) : '',
    query: queryAt < 0 ? null : parameters(beforeHash.slice(queryAt + 1), '?'),
    fragment: hashAt < 0 ? null : parameters(url.slice(hashAt + 1), '#'),
  };
}

/**
 * A query (or `#` part) cut at each `&`, and at each `;` that a parameter (`name=`) follows, the separators kept
 * between the pieces. A value sealed before this rule was cut at any `;`: stored `[redacted];rest`, its `;` still
 * parts, so the address opens as it was saved.
 */
function partedAt(text: string): string[] {
  const pieces = text.split(/([&;])/);
  const joined = [pieces[0]!];
  for (let at = 1; at < pieces.length; at += 2) {
    const [separator, next] = [pieces[at]!, pieces[at + 1]!];
    const last = joined.length - 1;
    const valueBefore = joined[last]!.slice(joined[last]!.indexOf('=') + 1);
    if (separator === ';' && !next.includes('=') && !(joined[last]!.includes('=') && isMarker(valueBefore)))
      joined[last] += `;${next}`;
    else joined.push(separator, next);
  }
  return joined;
}

/**
 * Where a capability address's secret path starts and ends (past its host's fixed prefix), or null. A path spelled
 * otherwise than the prefix (`//services/`, `/%73ervices/`, `/./services/`, `\services\`) that the receiver reads as
 * it, once normalised as it is sent (see normalisedPath), is sealed whole past its first `/`: the prefix is not found
 * as written, so nothing of it is known to be no secret.
 */
function capabilityPathSpan(beforeQuery: string): [start: number, end: number] | null {
  const authority = /^[a-z][a-z0-9+.-]*:[/\\]*[^/\\]*/i.exec(beforeQuery);
  const pathAt = authority?.[0].length ?? 0;
  const path = beforeQuery.slice(pathAt);
  if (!authority || !path) return null;
  const host = sentHost(beforeQuery);
  const capabilities = CAPABILITY_ADDRESSES.filter((capability) => capability.host.test(host));
  if (capabilities.length === 0) return null;
  // Written whole past the first `/` by a save of an oddly spelled one (below).
  if (isMarker(path.slice(1))) return [pathAt + 1, beforeQuery.length];
  for (const { prefix, secret } of capabilities) {
    const found = prefix.exec(path);
    // The prefix alone (nothing past it) holds no key.
    if (!found || path.length === found[0].length) continue;
    const rest = path.slice(found[0].length);
    const length = secret ? (secret.exec(rest)?.[0].length ?? 0) : rest.length;
    if (length > 0) return [pathAt + found[0].length, pathAt + found[0].length + length];
  }
  const normalised = normalisedPath(beforeQuery);
  for (const { prefix } of capabilities) {
    const found = prefix.exec(normalised);
    if (found && normalised.length > found[0].length) return [pathAt + 1, beforeQuery.length];
  }
  return null;
}

/** The host as the address is sent to it (lower case, escapes decoded, no user, port or final dot); empty if none. */
function sentHost(beforeQuery: string): string {
  try {
    return new URL(beforeQuery).hostname.replace(/\.$/, '');
  } catch {
    return '';
  }
}

/**
 * The path as a receiver reads the address sent: the URL parser's (`\` as `/`, `.` and `..` segments resolved), then
 * repeated `/` as one and escaped letters, digits and `-._~` as themselves, as web servers commonly route.
 */
function normalisedPath(beforeQuery: string): string {
  try {
    return new URL(beforeQuery).pathname
      .replace(/\/{2,}/g, '/')
      .replace(/%([0-9a-f]{2})/gi, (escape, hex: string) => {
        const character = String.fromCharCode(parseInt(hex, 16));
        return /[a-z0-9._~-]/i.test(character) ? character : escape;
      })
      .replace(/\/\.(?=\/)/g, '');
  } catch {
    return '';
  }
}

function join({ head, path, tail, query, fragment }: Parts): string {
  const list = (parameters: Parameter[]) =>
    parameters
      .map(
        ({ separator, name, value }, at) => `${at === 0 ? '' : separator}${value === null ? name : `${name}=${value}`}`,
      )
      .join('');
  return `${head}${path ?? ''}${tail}${query ? `?${list(query)}` : ''}${fragment ? `#${list(fragment)}` : ''}`;
}

/** A secret of the address, wherever it is: the capability path, a query or `#` parameter whose name is secret. */
interface Slot {
  key: string;
  value: string;
  /** The name the merchant is told (`?token`, `hooks.slack.com/services/…`). */
  shown: string;
  /** Parts with this slot's value replaced. */
  with: (value: string) => Parts;
}

function slotsOf(parts: Parts): Slot[] {
  const slots: Slot[] = [];
  if (parts.path !== null)
    slots.push({
      key: PATH_KEY,
      value: parts.path,
      shown: pathName(parts.head),
      with: (value) => ({ ...parts, path: value }),
    });
  for (const where of ['query', 'fragment'] as const)
    parts[where]?.forEach((parameter, at) => {
      const { key, value, mark } = parameter;
      if (key === null || value === null) return;
      slots.push({
        key,
        value,
        shown: `${mark}${key.slice('url:'.length).replace(/#\d+$/, '')}`,
        with: (next) => ({ ...parts, [where]: parts[where]!.map((p, i) => (i === at ? { ...p, value: next } : p)) }),
      });
    });
  return slots;
}

/** Each slot's value replaced in turn. */
function replaced(parts: Parts, replace: (slot: Slot) => string): Parts {
  // Slots are found again on each step's parts, in the same order: their places do not move.
  let next = parts;
  slotsOf(parts).forEach((slot, at) => {
    next = slotsOf(next)[at]!.with(replace(slot));
  });
  return next;
}

/** The name a capability address's path is told by: the address up to it, without its scheme (`hooks.slack.com/services/…`). */
export function pathName(head: string): string {
  return `${head.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}…`;
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
 * Takes the secret values out of an address the merchant entered: the address to store (each such value
 * `[redacted]`) and the values to seal. `[redacted]` left in place keeps the value sealed before; without one
 * it is refused under the address field, or left out when `secretsLater` (an imported configuration).
 */
export function sealUrl(url: string, previous: Secrets, secretsLater: boolean): { url: string; secrets: Secrets } {
  const secrets: Secrets = {};
  const stored = replaced(split(url), ({ key, value, shown }) => {
    const kept = isMarker(value) ? previous[key] : value;
    if (kept !== undefined) secrets[key] = kept;
    else if (!secretsLater) {
      const name = shown.replace(/^[?#]/, '');
      throw fieldRefused(
        ['url'],
        `Hookferry does not have the value of ${name} in this address (it is kept hidden as ${REDACTED}): put the value in its place.`,
        'url_secret',
        { name },
      );
    }
    return REDACTED;
  });
  return { url: join(stored), secrets };
}

/** The sealed keys of the secret values in a stored address, for the API to say which are set. */
export function urlSecretKeys(storedUrl: string): string[] {
  return slotsOf(split(storedUrl)).map(({ key }) => key);
}

/** The address a delivery goes to: the stored one with its secret values put back; the names of those missing. */
export function openUrl(storedUrl: string, secrets: Secrets): { url: string; missing: string[] } {
  const missing: string[] = [];
  const opened = replaced(split(storedUrl), ({ key, value, shown }) => {
    if (!isMarker(value)) return value;
    const secret = secrets[key];
    if (secret === undefined) missing.push(shown.replace(/^[?#]/, ''));
    return secret ?? value;
  });
  return { url: join(opened), missing };
}

/** Whether an address as stored still holds a secret value in the open (stored before this rule). */
export function holdsOpenSecret(storedUrl: string): boolean {
  return slotsOf(split(storedUrl)).some(({ value }) => !isMarker(value));
}

/**
 * The secret values of an address the merchant entered that would be sent with the value sealed before
 * (left as `[redacted]`), by sealed key, with the name the merchant sees (`?token`, `hooks.slack.com/services/…`).
 */
export function urlSecretsKept(url: string, previous: Secrets): { key: string; name: string }[] {
  return slotsOf(split(url)).flatMap(({ key, value, shown }) =>
    isMarker(value) && previous[key] !== undefined ? [{ key, name: shown }] : [],
  );
}

/** The address without the secret values sealed under `keys` (the merchant chose to send them no more). */
export function withoutUrlSecrets(url: string, keys: readonly string[]): string {
  const parts = split(url);
  const kept = (parameters: Parameter[] | null) => {
    if (parameters === null) return null;
    const left = parameters.filter(({ key }) => key === null || !keys.includes(key));
    // Every parameter gone, the `?` (or `#`) goes too.
    return left.length || !parameters.length ? left : null;
  };
  return join({
    head: parts.head,
    path: parts.path !== null && keys.includes(PATH_KEY) ? '' : parts.path,
    tail: parts.tail,
    query: kept(parts.query),
    fragment: kept(parts.fragment),
  });
}
