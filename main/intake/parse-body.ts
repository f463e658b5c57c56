import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { type BodyFormat, formatOf } from '../store/body-format.js';

export type ParseResult = { ok: true; format: BodyFormat; parsed: unknown } | { ok: false; error: string };

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Keep every value as text: a phone number such as 0938474843 must not lose its leading zero.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
});

/**
 * Parses a body by its declared content type. A JSON or XML body that does not
 * parse is an error with what and where; any other type is kept as it came, and
 * parsed as JSON only when it happens to be JSON (many POS systems send JSON as
 * text/plain).
 */
export function parseBody(raw: Buffer, contentType: string | undefined): ParseResult {
  const format = formatOf(contentType);
  const text = raw.toString('utf8');
  switch (format) {
    case 'json':
      return parseJson(text);
    case 'xml':
      return parseXml(text);
    case 'form':
      return { ok: true, format, parsed: Object.fromEntries(new URLSearchParams(text)) };
    case 'other': {
      const json = text.trimStart().startsWith('{') || text.trimStart().startsWith('[') ? parseJson(text) : null;
      return { ok: true, format, parsed: json?.ok ? json.parsed : null };
    }
  }
}

function parseJson(text: string): ParseResult {
  if (!text.trim()) return { ok: false, error: 'The body is empty, but the Content-Type says JSON.' };
  try {
    return { ok: true, format: 'json', parsed: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      error: `The body is not valid JSON${whereJsonBreaks(text) ?? `: ${(error as Error).message}`}`,
    };
  }
}

const jsonErrorWords: Record<string, string> = {
  InvalidSymbol: 'a character that does not belong there',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'the JSON has already ended here',
  UnexpectedEndOfString: 'a text value is not closed',
  UnexpectedEndOfComment: 'a comment is not closed',
  InvalidEscapeCharacter: 'an invalid escape (backslash) sequence',
  InvalidCharacter: 'a character that must be escaped',
};

/** V8's messages do not always say where; jsonc-parser's scanner does, as an offset. */
function whereJsonBreaks(text: string): string | null {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first) return null;
  return ` at ${lineAndColumn(text, first.offset)}: ${jsonErrorWords[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)}.`;
}

function parseXml(text: string): ParseResult {
  const checked = XMLValidator.validate(text);
  if (checked !== true) {
    return {
      ok: false,
      error: `The body is not valid XML at line ${checked.err.line}, column ${checked.err.col}: ${checked.err.msg}`,
    };
  }
  return { ok: true, format: 'xml', parsed: xmlParser.parse(text) };
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
