import type { Reason } from '../api/contract.js';
import { REDACTED } from '../lib/redact.js';
import { type Unescaped, unescaped } from './json-unescaped.js';
import { markupUnescaped } from './markup-unescaped.js';

/**
 * A value this short is not looked for: it would be found inside the sentence's own words and figures (a secret
 * header of `1` would turn "HTTP 500" into "HTTP 5[redacted]0"), and it hides nothing anyone could not guess.
 */
const SHORTEST = 4;

/** A value this long or longer is looked for by its start alone too (see startSpans), of at least START_SHORTEST. */
const START_OF = 16;
const START_SHORTEST = 8;
/** A letter or a digit of any script: a run of them is a word of the text. */
const WORD = /[\p{L}\p{N}]/u;
/** How a receiver marks a value it cut: what follows letters alone that makes them a cut value, not a word. */
const CUT_MARKS = ['…', '...', '*'];

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

/**
 * Each value as sent, percent-decoded (a receiver reading a query) and percent-encoded, and its base64; with the
 * values a receiver may say back from it alone (see heardOf); each folded to lower case (see folded); longest first.
 */
function formsOf(secrets: Iterable<string>): string[] {
  const forms = new Set<string>();
  for (const secret of secrets)
    for (const value of heardOf(secret))
      for (const form of [
        value,
        decoded(value),
        // Percent-encoding's hex may be written in either case (`%2f` as much as `%2F`): both match folded.
        encodeURIComponent(value),
        // A receiver may say back what it read in base64 (a header logged as bytes).
        Buffer.from(value).toString('base64'),
        ...encodingsOf(value),
      ])
        if (form.length >= SHORTEST) forms.add(folded(form));
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * The encodings a receiver may say a value back in beyond those above: form-encoded (spaces as `+`, an echoed form
 * body), percent-encoded twice (`%253D`, a redirect's address carried in another's query), base64 without its padding
 * and base64url (a token or JWT-like log line), each of these also of the value as a receiver reads it from a
 * query (`+` a space, escapes decoded). A fixed few per value, none nested further: scrubbing runs on every answer
 * snippet, and each form costs one pass over it.
 */
function encodingsOf(value: string): string[] {
  const read = readAsQuery(value);
  return [
    read,
    ...[...new Set([value, read])].flatMap((text) => {
      const bytes = Buffer.from(text);
      const base64 = bytes.toString('base64');
      return [
        encodeURIComponent(text).replaceAll('%20', '+'),
        encodeURIComponent(encodeURIComponent(text)),
        base64,
        base64.replace(/=+$/, ''),
        bytes.toString('base64url'),
      ];
    }),
  ];
}

/** A query value as a receiver reads it: `+` a space, then each escape decoded (one that is no escape kept). */
function readAsQuery(value: string): string {
  return value.replaceAll('+', ' ').replace(/(?:%[0-9a-f]{2})+/gi, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}

/** An Authorization-like value: a scheme's name (`Bearer`, `Basic`, `Token`, any), spaces, its credential. */
const SCHEME = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)[ \t]+(\S[^]*)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A secret value and what a receiver may say back of it alone: the credential after an authentication scheme
 * (`bad token X` for `Bearer X`), and for `Basic` the `user:password` it encodes and each of its two parts (a
 * password refused, an API key sent as the user name).
 */
function heardOf(secret: string): string[] {
  const heard = [secret];
  const scheme = SCHEME.exec(secret.trim());
  if (!scheme) return heard;
  const credential = scheme[2]!.trim();
  heard.push(credential);
  if (scheme[1]!.toLowerCase() !== 'basic' || !BASE64.test(credential)) return heard;
  const bytes = Buffer.from(credential, 'base64');
  const pair = bytes.toString('utf8');
  // Not text (a credential that only looks like base64) or no `user:password` in it: nothing more to look for.
  if (!Buffer.from(pair, 'utf8').equals(bytes) || !pair.includes(':')) return heard;
  const colon = pair.indexOf(':');
  heard.push(pair, pair.slice(0, colon), pair.slice(colon + 1));
  return heard;
}

/**
 * A text in lower case, one UTF-16 unit for one (a unit whose lower case is longer, such as `İ`, is kept as it is),
 * so where each unit stands is unchanged: a receiver may say a secret back in another case (a header logged
 * lower-cased, a token upper-cased), and found in the folded text it is hidden in the text as written.
 */
function folded(text: string): string {
  return text.replace(/[^]/g, (unit) => {
    const lower = unit.toLowerCase();
    return lower.length === 1 ? lower : unit;
  });
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return value;
  }
}

/**
 * How many times over a text is read as the inside of a JSON string: a receiver's JSON answer quoting its request's
 * headers as JSON text (the value escaped twice), or a log line of that, quoted again.
 */
const JSON_READINGS = 3;

/**
 * Every whole value hidden, then the start of one where the text was cut short (the answer's first 2 KB, an address
 * cut with `…`), which would otherwise keep most of the value; only then the start of one said back alone, so a value
 * written with escapes or references is hidden whole, not cut at its first escape. The text is looked at as written,
 * then read as JSON (once, then again, while it holds escapes): a receiver answering its request's headers in JSON
 * writes `Xk9+\/aB==` for `Xk9+/aB==` (PHP's default), `tok\"en` for `tok"en`, `\u00e9` for `é`, which no form of the
 * value as sent matches.
 */
function scrubbed(text: string, forms: string[]): string {
  const ellipsis = text.endsWith('…') ? '…' : '';
  let clean = ellipsis ? text.slice(0, -1) : text;
  clean = inEveryReading(clean, [(view) => wholeSpans(view, forms), (view, end) => cutSpan(view, forms, end)]);
  clean = inEveryReading(clean, [(view) => startSpans(view, forms)]);
  return `${clean}${ellipsis}`;
}

/** What each finder finds hidden, in turn, in the text as written, read as JSON, and read as HTML or XML. */
function inEveryReading(text: string, finders: ((view: Unescaped, end: number) => Span[])[]): string {
  let clean = text;
  for (let readings = 0; readings <= JSON_READINGS; readings++) {
    if (readings > 0 && !clean.includes('\\')) break;
    for (const find of finders) clean = hidden(clean, find(readAsJson(clean, readings), clean.length));
  }
  // An HTML error page or an XML answer writes it with references (`&#64;`, `&lt;`) or in a CDATA section.
  if (clean.includes('&') || clean.includes('<![CDATA['))
    for (const find of finders) clean = hidden(clean, find(markupUnescaped(clean), clean.length));
  return clean;
}

/** `text` read as JSON `times` times over, each character said with where it came from in `text`. */
function readAsJson(text: string, times: number): Unescaped {
  let view: Unescaped = { text, from: Array.from({ length: text.length + 1 }, (_, at) => at) };
  for (let time = 0; time < times; time++) {
    const inner = unescaped(view.text);
    const outer = view.from;
    view = { text: inner.text, from: inner.from.map((at) => outer[at]!) };
  }
  return view;
}

type Span = [start: number, end: number];

function wholeSpans(view: Unescaped, forms: string[]): Span[] {
  const spans: Span[] = [];
  const text = folded(view.text);
  for (const form of forms)
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length))
      spans.push([view.from[at]!, view.from[at + form.length]!]);
  return spans;
}

/**
 * The start of a long value said back alone (`invalid token abcd1234…`: a receiver showing which key it got): its
 * first 8 characters or more, of a value of 16 or more, standing as a whole word of the text (not inside another
 * word, nor the start of one, as `Bearer a` of `Bearer authentication`), holding a digit or marked cut (`…`, `...`,
 * `*`). Letters alone unmarked may be the answer's own word (`password` of a secret `passwordRESET…`), and a shorter
 * run or value would blot out the answer's words more than it hides.
 */
function startSpans(view: Unescaped, forms: string[]): Span[] {
  const spans: Span[] = [];
  const text = folded(view.text);
  for (const form of forms) {
    if (form.length < START_OF) continue;
    const start = form.slice(0, START_SHORTEST);
    for (let at = text.indexOf(start); at !== -1; at = text.indexOf(start, at + 1)) {
      if (at > 0 && WORD.test(text[at - 1]!)) continue;
      let end = at + START_SHORTEST;
      while (end < text.length && end - at < form.length && text[end] === form[end - at]) end++;
      if (end < text.length && WORD.test(text[end]!)) continue;
      if (!/\d/.test(text.slice(at, end)) && !CUT_MARKS.some((mark) => text.startsWith(mark, end))) continue;
      spans.push([view.from[at]!, view.from[end]!]);
    }
  }
  return spans;
}

/** The start of a value the text ends with, to the text's end (an escape cut short there with it). */
function cutSpan(view: Unescaped, forms: string[], end: number): Span[] {
  const text = folded(view.text);
  for (const form of forms)
    for (let length = form.length - 1; length >= SHORTEST; length--)
      if (text.endsWith(form.slice(0, length))) return [[view.from[view.text.length - length]!, end]];
  return [];
}

/** `text` with each span (overlapping ones as one) written `[redacted]`. */
function hidden(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  let clean = '';
  let at = 0;
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    if (end <= at) continue;
    clean += start >= at ? `${text.slice(at, start)}${REDACTED}` : '';
    at = end;
  }
  return `${clean}${text.slice(at)}`;
}
