import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createScanner, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { inEnglish } from '../i18n/english.js';
import { type ParserCode, parserReasons } from '../i18n/reasons/parser.js';
import { type BodyFormat, formatOf } from '../store/body-format.js';
import { bodyTextOf, storedTextOf } from '../store/body-text.js';
import { MAX_NESTING, shapeRefusal } from './body-shape.js';
import { type Refusal, refusal } from './refusal.js';
import { parseJson } from '../lib/exact-json.js';

export type ParseResult = { ok: true; format: BodyFormat; parsed: unknown } | { ok: false; refusal: Refusal };

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Keep every value as text: a phone number such as 0938474843 must not lose its leading zero.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // A body that declares entities never gets here (body-shape.ts refuses any DOCTYPE); were one to, these
  // limits stop it long before it grows, and the parser's error becomes a 400.
  processEntities: { enabled: true, maxEntityCount: 10, maxEntitySize: 1024 },
  // The scan has already refused deeper bodies; the parser's own default (100) would refuse fine ones.
  maxNestedTags: MAX_NESTING,
});

/**
 * Parses a body by its declared content type, after a cheap scan of its shape
 * (nesting, DOCTYPE). A JSON or XML body that does not parse is an error with
 * what and where; any other type is kept as it came, and parsed as JSON only
 * when it happens to be JSON (many POS systems send JSON as text/plain).
 */
export function parseBody(raw: Buffer, contentType: string | undefined, maxParts?: number): ParseResult {
  try {
    return parseByFormat(raw, contentType, maxParts);
  } catch (error) {
    // A stack or a string past what V8 can hold, in a parser or a locator: the sender is told, never answered 500.
    if (error instanceof RangeError) return { ok: false, refusal: refusal(400, 'intake.tooIntricate') };
    throw error;
  }
}

function parseByFormat(raw: Buffer, contentType: string | undefined, maxParts?: number): ParseResult {
  const format = formatOf(contentType);
  // Read in the charset it declares (store/body-text.ts), without a byte-order mark (some Windows senders write
  // one): JSON.parse refused it as an invisible "character that does not belong there" at line 1, column 1.
  const read = bodyTextOf(raw, contentType);
  // Only a body Hookferry must read is refused for it: any other is kept as it came, read as UTF-8 as before.
  if (!read.ok && format !== 'other')
    return { ok: false, refusal: refusal(415, 'intake.unknownCharset', { charset: read.charset }) };
  const { text, utf8 } = read.ok ? read : { text: storedTextOf(raw, contentType), utf8: true };
  // The scan reads bytes as ASCII does: another encoding's text (UTF-16's above all) is scanned as UTF-8, or a
  // DOCTYPE written in it would pass unseen.
  const refused = shapeRefusal(utf8 ? raw : Buffer.from(text), format, MAX_NESTING, maxParts);
  if (refused) return { ok: false, refusal: refused };
  switch (format) {
    case 'json':
      return jsonBody(text);
    case 'xml':
      return parseXml(text);
    case 'form':
      return { ok: true, format, parsed: Object.fromEntries(new URLSearchParams(text)) };
    case 'other':
      // Where it is not JSON, nothing says so (the text is kept as it came): the locator is not run for it.
      return { ok: true, format, parsed: looksLikeJson(text) ? jsonOrNull(text) : null };
  }
}

function jsonBody(text: string): ParseResult {
  if (!text.trim()) return { ok: false, refusal: refusal(400, 'intake.emptyJson') };
  try {
    return { ok: true, format: 'json', parsed: parseJson(text) };
  } catch (error) {
    return { ok: false, refusal: whereJsonBreaks(text, (error as Error).message) };
  }
}

function looksLikeJson(text: string): boolean {
  const start = text.trimStart();
  return start.startsWith('{') || start.startsWith('[');
}

function jsonOrNull(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return null;
  }
}

/**
 * V8's messages do not always say where; jsonc-parser's scanner does, as an offset. Its parser recurses once per
 * bracket, and it reads some bodies deeper than the shape scan did (`["a⏎[[[…`: to the scan the brackets are inside
 * a text that never ends; to the parser that text ends at the line break): such a body is first walked by the
 * scanner, which does not recurse, and the parser runs only when it cannot overflow.
 */
function whereJsonBreaks(text: string, v8Message: string): Refusal {
  const deep = scannedTooDeep(text);
  if (deep) return deep;
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first) return refusal(400, 'intake.unreadable', { problem: `the body is not valid JSON: ${v8Message}` });
  return jsonMistake(text, first.offset, printParseErrorCode(first.error));
}

/** jsonc-parser's error `code` at `offset`, said where it is and in words where reasons/parser.ts has them. */
function jsonMistake(text: string, offset: number, code: string): Refusal {
  const known = Object.hasOwn(parserReasons.en, `json.${code}`);
  return refusal(400, 'intake.invalidJson', {
    ...lineAndColumn(text, offset),
    problem: known ? inEnglish(parserReasons, `json.${code}` as ParserCode) : code,
    problemCode: `json.${code}`,
  });
}

const OPEN_BRACE_TOKEN = 1;
const CLOSE_BRACE_TOKEN = 2;
const OPEN_BRACKET_TOKEN = 3;
const CLOSE_BRACKET_TOKEN = 4;
const EOF_TOKEN = 17;
/** jsonc-parser's scan errors, by number, under the names its parse errors share (reasons/parser.ts says them). */
const SCAN_ERRORS = [
  null,
  'UnexpectedEndOfComment',
  'UnexpectedEndOfString',
  'UnexpectedEndOfNumber',
  'InvalidUnicode',
  'InvalidEscapeCharacter',
  'InvalidCharacter',
] as const;

/**
 * When the tokens nest deeper than MAX_NESTING (where the parser would recurse past the stack): the first text
 * mistake before that point, said where it is, else that it nests too deep. Null when the parser may run.
 */
function scannedTooDeep(text: string): Refusal | null {
  const scanner = createScanner(text, true);
  let depth = 0;
  let firstError: { offset: number; code: string } | null = null;
  // Its tokens as the numbers the constants above name (the library's enum is declared `const`, not exported).
  const next = (): number => scanner.scan();
  for (let token = next(); token !== EOF_TOKEN; token = next()) {
    const scanError = SCAN_ERRORS[scanner.getTokenError()];
    if (scanError && !firstError) firstError = { offset: scanner.getTokenOffset(), code: scanError };
    if (token === OPEN_BRACE_TOKEN || token === OPEN_BRACKET_TOKEN) depth++;
    else if (token === CLOSE_BRACE_TOKEN || token === CLOSE_BRACKET_TOKEN) depth--;
    if (depth <= MAX_NESTING) continue;
    return firstError
      ? jsonMistake(text, firstError.offset, firstError.code)
      : refusal(400, 'intake.tooDeep', { limit: MAX_NESTING });
  }
  return null;
}

function parseXml(text: string): ParseResult {
  // The validator has no line or column to give for an empty body.
  if (!text.trim()) return { ok: false, refusal: refusal(400, 'intake.emptyXml') };
  const checked = XMLValidator.validate(text);
  if (checked !== true) {
    return {
      ok: false,
      refusal: refusal(400, 'intake.invalidXml', {
        line: checked.err.line,
        column: checked.err.col,
        problem: checked.err.msg,
        // No words of ours for the XML checker's messages: the dashboard says they are its own, in English.
        problemCode: 'parser.untranslated',
      }),
    };
  }
  try {
    return { ok: true, format: 'xml', parsed: xmlParser.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    // The parser refuses names such as __proto__ and constructor, in words meant for programmers.
    const reserved = /^\[SECURITY\] Invalid name: "([^"]{1,100})"/.exec(message)?.[1];
    if (reserved) return { ok: false, refusal: refusal(400, 'intake.xmlReservedName', { name: reserved }) };
    return { ok: false, refusal: refusal(400, 'intake.unreadable', { problem: message }) };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
