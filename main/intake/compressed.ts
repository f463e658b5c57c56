import { type BodyFormat, formatOf } from '../store/body-format.js';
import { type Refusal, refusal } from './refusal.js';

const GZIP_MAGIC = [0x1f, 0x8b];
const READ_AS_TEXT: BodyFormat[] = ['json', 'xml', 'form'];

/**
 * A compressed body, said as such: Hookferry keeps and forwards bodies byte for byte and does not inflate them
 * (a small gzip body can inflate past any limit). Without this, a gzip'd JSON body was refused for "a character
 * that does not belong there", with no hint why. Named by its Content-Encoding, or by gzip's first two bytes when a
 * sender compressed a body it calls JSON, XML or a form without saying so.
 */
export function compressedRefusal(
  raw: Buffer,
  contentType: string | undefined,
  encoding: string | undefined,
): Refusal | null {
  const declared = encoding?.trim().toLowerCase();
  if (declared && declared !== 'identity') return refusal(415, 'intake.compressed', { encoding: declared });
  const looksGzipped = raw[0] === GZIP_MAGIC[0] && raw[1] === GZIP_MAGIC[1];
  if (looksGzipped && READ_AS_TEXT.includes(formatOf(contentType)))
    return refusal(415, 'intake.compressed', { encoding: 'gzip' });
  return null;
}
