import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

/**
 * A body's text in the character encoding it declares. Read as UTF-8 whatever it said, an ISO-8859-1 é was stored
 * (parsed body, summary, search, what destinations were sent) as �, and UTF-16 JSON was refused at its first byte.
 * The raw bytes are kept as they came (signatures are over them); this is only how they are read.
 */

/** `utf8`: the text is the bytes read as UTF-8 (a scan of the raw bytes then sees what the text says). */
export type BodyText = { ok: true; text: string; utf8: boolean } | { ok: false; charset: string };

/**
 * The text, without a byte-order mark. A byte-order mark decides first (it cannot be mistaken, and the XML and
 * WHATWG rules both let it win over a label), then the Content-Type's charset, then an XML declaration's encoding;
 * UTF-8 when nothing is said.
 */
export function bodyTextOf(raw: Buffer, contentType: string | null | undefined): BodyText {
  const charset = byteOrderMark(raw) ?? contentTypeCharset(contentType) ?? xmlDeclaredEncoding(raw) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    // A name it does not know (`utf8mb4`) over bytes that are good UTF-8 is read as UTF-8, as before: refusing such
    // an order, which was taken until now, would lose it. Anything else the sender is told of.
    return isUtf8(raw)
      ? { ok: true, text: withoutByteOrderMark(raw.toString('utf8')), utf8: true }
      : { ok: false, charset };
  }
  // UTF-8, nearly every body: Buffer's own decoder, as before (the same text, and faster on large bodies).
  const utf8 = decoder.encoding === 'utf-8';
  if (utf8) return { ok: true, text: withoutByteOrderMark(raw.toString('utf8')), utf8 };
  const text = decoder.decode(raw);
  return { ok: true, text: decoder.encoding === 'windows-1252' ? windows1252(text) : text, utf8 };
}

/** Bytes 0x80–0x9F in windows-1252 (which ISO-8859-1 and latin1 name, too), from the WHATWG Encoding table. */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

/**
 * Node's decoder reads windows-1252 as Latin-1 (a fast path): 0x80 came out as an invisible control character, not
 * €, nor 0x93 as “. Those 32 bytes are put right here.
 */
function windows1252(text: string): string {
  return text.replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/** The text of a body already accepted (so its charset is known); UTF-8 were it not. */
export function storedTextOf(raw: Buffer, contentType: string | null | undefined): string {
  const read = bodyTextOf(raw, contentType);
  return read.ok ? read.text : withoutByteOrderMark(raw.toString('utf8'));
}

/** The raw body keeps the byte-order mark some Windows senders write; it is not part of the text. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function byteOrderMark(raw: Buffer): string | null {
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) return 'utf-8';
  if (raw[0] === 0xff && raw[1] === 0xfe) return 'utf-16le';
  if (raw[0] === 0xfe && raw[1] === 0xff) return 'utf-16be';
  return null;
}

function contentTypeCharset(contentType: string | null | undefined): string | null {
  const found = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const charset = (found?.[1] ?? found?.[2] ?? '').trim();
  return charset || null;
}

/** `<?xml version="1.0" encoding="ISO-8859-1"?>`, read in ASCII: a declaration in UTF-16 comes with its mark. */
function xmlDeclaredEncoding(raw: Buffer): string | null {
  const start = raw.toString('latin1', 0, 200);
  return /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']{1,40})["']/.exec(start)?.[1]?.trim() || null;
}
