import type { BodyFormat } from '../store/body-format.js';
import { type Refusal, refusal } from './refusal.js';

/** Deeper than this no shop nests its data; a body that does is an attack on the parsers and on every reader after them. */
export const MAX_NESTING = 200;

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

/**
 * A cheap look at the raw bytes before any parser sees them: too deep a
 * nesting (JSON brackets outside strings, XML elements, form keys such as
 * `a[b][c]`), or an XML DOCTYPE (entities can read files or expand without
 * end). `null` when the body may be parsed.
 */
export function shapeRefusal(raw: Buffer, format: BodyFormat, limit = MAX_NESTING): Refusal | null {
  const tooDeep = () => refusal(400, 'intake.tooDeep', { limit });
  switch (format) {
    case 'json':
      return jsonNestsPast(raw, limit) ? tooDeep() : null;
    case 'other':
      return looksLikeJson(raw) && jsonNestsPast(raw, limit) ? tooDeep() : null;
    case 'form':
      return formKeyDepth(raw, limit) > limit ? tooDeep() : null;
    case 'xml': {
      const scan = xmlScan(raw, limit);
      if (scan === 'doctype') return refusal(400, 'intake.xmlDoctype');
      return scan > limit ? tooDeep() : null;
    }
  }
}

/**
 * Whether brackets nest deeper than `limit`. Most bodies hold fewer brackets than that in all, so cannot:
 * counting them (a native search) is much cheaper than walking every byte.
 */
function jsonNestsPast(raw: Buffer, limit: number): boolean {
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
  let count = 0;
  for (const bracket of [OPEN_BRACE, OPEN_BRACKET]) {
    for (let at = raw.indexOf(bracket); at !== -1 && count < atMost; at = raw.indexOf(bracket, at + 1)) count++;
  }
  return count;
}

function looksLikeJson(raw: Buffer): boolean {
  for (const byte of raw) {
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) return true;
    if (byte > 0x20) return false;
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
 * or `<!ENTITY`. Malformed XML is left for the validator to describe.
 */
function xmlScan(raw: Buffer, limit: number): number | 'doctype' {
  let depth = 0;
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
      end = tagEnd(raw, at + 1);
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

/** The offset of a start tag's `>`, outside quoted attribute values; -1 when it never closes. */
function tagEnd(raw: Buffer, from: number): number {
  let quote = 0;
  for (let i = from; i < raw.length; i++) {
    const byte = raw[i];
    if (quote) {
      if (byte === quote) quote = 0;
    } else if (byte === QUOTE || byte === APOSTROPHE) quote = byte;
    else if (byte === GREATER_THAN) return i;
  }
  return -1;
}
