import type { BodyFormat } from '../store/body-format.js';
import { type Refusal, refusal } from './refusal.js';

/** Deeper than this no shop nests its data; a body that does is an attack on the parsers and on every reader after them. */
export const MAX_NESTING = 200;

/**
 * Values (JSON), elements and attributes (XML) or fields (forms) one body may hold per 5 MB of the body limit.
 * Parsing runs on the engine's one thread at 1-13 µs a part (XML attributes the dearest): 5 MB of `<a x="1"/>`
 * held every other request up for 6 s. Shops send a few thousand; 5 MB of them is about 100,000 at 50 bytes each.
 */
const PARTS_PER_5_MB = 100_000;

/** The parts allowed in one body under a body limit: 100,000 per 5 MB of it, and never fewer. */
export function partsAllowed(bodyLimitBytes: number): number {
  return per5MbOfLimit(PARTS_PER_5_MB, bodyLimitBytes);
}

/** `amount` for each 5 MB of a body limit, and never less than `amount`: what a body may cost grows with its size. */
export function per5MbOfLimit(amount: number, bodyLimitBytes: number): number {
  return amount * Math.max(1, Math.ceil(bodyLimitBytes / (5 * 1024 * 1024)));
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const APOSTROPHE = 0x27;
const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const PERCENT = 0x25;
const COMMA = 0x2c;

/**
 * A cheap look at the raw bytes before any parser sees them: too deep a
 * nesting (JSON brackets outside strings, XML elements, form keys such as
 * `a[b][c]`), too many parts, or an XML DOCTYPE (entities can read files or
 * expand without end). `null` when the body may be parsed.
 */
export function shapeRefusal(
  raw: Buffer,
  format: BodyFormat,
  limit = MAX_NESTING,
  maxParts = PARTS_PER_5_MB,
): Refusal | null {
  const tooDeep = () => refusal(400, 'intake.tooDeep', { limit });
  const tooMany = () => refusal(400, 'intake.tooManyParts', { limit: maxParts });
  // Every part takes at least one byte of its own, so most bodies are too short to hold too many: not counted.
  const mayHoldTooMany = raw.length > maxParts;
  switch (format) {
    case 'json':
    case 'other':
      if (format === 'other' && !looksLikeJson(raw)) return null;
      if (jsonNestsPast(raw, limit)) return tooDeep();
      return mayHoldTooMany && jsonPartsPast(raw, maxParts) ? tooMany() : null;
    case 'form':
      if (formKeyDepth(raw, limit) > limit) return tooDeep();
      return mayHoldTooMany && count(raw, AMPERSAND, maxParts) >= maxParts ? tooMany() : null;
    case 'xml': {
      const scan = xmlScan(raw, limit, maxParts);
      if (scan === 'doctype') return refusal(400, 'intake.xmlDoctype');
      if (scan === 'many') return tooMany();
      return scan > limit ? tooDeep() : null;
    }
  }
}

/** Whether the values (commas outside strings, and one) pass `maxParts`; walked only when the commas anywhere do. */
function jsonPartsPast(raw: Buffer, maxParts: number): boolean {
  if (count(raw, COMMA, maxParts) < maxParts) return false;
  let parts = 1;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === COMMA && ++parts > maxParts) return true;
  }
  return false;
}

/** How many times `byte` occurs, counting stops at `atMost` (a native search, much cheaper than a walk). */
function count(raw: Buffer, byte: number, atMost: number): number {
  let found = 0;
  for (let at = raw.indexOf(byte); at !== -1 && found < atMost; at = raw.indexOf(byte, at + 1)) found++;
  return found;
}

/**
 * Whether brackets nest deeper than `limit`. Most bodies hold fewer brackets than that in all, so cannot:
 * counting them (a native search) is much cheaper than walking every byte.
 */
export function jsonNestsPast(raw: Buffer, limit: number): boolean {
  return openingBrackets(raw, limit + 1) > limit && jsonDepth(raw, limit) > limit;
}

/** The deepest bracket nesting, counting stops once past `limit`. Brackets inside strings do not count. */
function jsonDepth(raw: Buffer, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > limit) return depth;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return depth;
}

/** How many `{` and `[` the body holds, anywhere; counting stops at `atMost`. */
function openingBrackets(raw: Buffer, atMost: number): number {
  const braces = count(raw, OPEN_BRACE, atMost);
  return braces + count(raw, OPEN_BRACKET, atMost - braces);
}

/** Whether the first character after white space (and a byte-order mark, which parseBody drops) opens JSON. */
function looksLikeJson(raw: Buffer): boolean {
  const start = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  for (let i = start; i < raw.length; i++) {
    const byte = raw[i];
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) return true;
    if (byte! > 0x20) return false;
  }
  return false;
}

/** The most brackets (`[` or `%5B`) in one key of `a[b][c]=1&…`. */
function formKeyDepth(raw: Buffer, limit: number): number {
  let depth = 0;
  let inKey = true;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (byte === AMPERSAND) {
      depth = 0;
      inKey = true;
    } else if (!inKey) continue;
    else if (byte === EQUALS) inKey = false;
    else if (
      byte === OPEN_BRACKET ||
      (byte === PERCENT && raw[i + 1] === 0x35 && (raw[i + 2] === 0x42 || raw[i + 2] === 0x62))
    ) {
      if (++depth > limit) return depth;
    }
  }
  return 0;
}

/**
 * Element depth (open tags up, closing tags down, `<x/>` neither), skipping
 * comments, CDATA and processing instructions; `doctype` at the first `<!DOCTYPE`
 * or `<!ENTITY`; `many` once the start tags and their attributes pass `maxParts`.
 * Malformed XML is left for the validator to describe.
 */
function xmlScan(raw: Buffer, limit: number, maxParts: number): number | 'doctype' | 'many' {
  let depth = 0;
  let parts = 0;
  let at = raw.indexOf(LESS_THAN);
  while (at !== -1) {
    const next = raw[at + 1];
    let end: number;
    if (next === BANG) {
      if (startsWith(raw, at, '<!--')) end = endOf(raw, '-->', at + 4);
      else if (startsWith(raw, at, '<![CDATA[')) end = endOf(raw, ']]>', at + 9);
      else return 'doctype';
    } else if (next === QUESTION) end = endOf(raw, '?>', at + 2);
    else if (next === SLASH) {
      depth--;
      end = endOf(raw, '>', at + 2);
    } else {
      const tag = tagEnd(raw, at + 1);
      end = tag.end;
      parts += 1 + tag.attributes;
      if (parts > maxParts) return 'many';
      if (end !== -1 && raw[end - 1] !== SLASH && ++depth > limit) return depth;
    }
    if (end === -1) return depth;
    at = raw.indexOf(LESS_THAN, end);
  }
  return depth;
}

function startsWith(raw: Buffer, at: number, text: string): boolean {
  return raw.toString('latin1', at, at + text.length).toUpperCase() === text;
}

/** The offset just past `text`, searching from `from`; -1 when it never comes. */
function endOf(raw: Buffer, text: string, from: number): number {
  const found = raw.indexOf(text, from, 'latin1');
  return found === -1 ? -1 : found + text.length;
}

/** The offset of a start tag's `>`, outside quoted attribute values (-1 when it never closes), and its attributes (each `=`). */
function tagEnd(raw: Buffer, from: number): { end: number; attributes: number } {
  let quote = 0;
  let attributes = 0;
  for (let i = from; i < raw.length; i++) {
    const byte = raw[i];
    if (quote) {
      if (byte === quote) quote = 0;
    } else if (byte === QUOTE || byte === APOSTROPHE) quote = byte;
    else if (byte === EQUALS) attributes++;
    else if (byte === GREATER_THAN) return { end: i, attributes };
  }
  return { end: -1, attributes };
}
