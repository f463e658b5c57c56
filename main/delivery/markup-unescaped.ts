import type { Unescaped } from './json-unescaped.js';

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
const REFERENCE = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));/;

/**
 * A text read as HTML or XML reads it (`&#64;`, `&#x2F;`, `&lt;`, `&quot;`, and a CDATA section's markers left out),
 * with where each character it reads as came from: a receiver's HTML error page or XML answer quoting the request's
 * headers writes a secret so. An `&` that starts no reference is kept as it is.
 */
export function markupUnescaped(original: string): Unescaped {
  let text = '';
  const from: number[] = [];
  let at = 0;
  while (at < original.length) {
    if (original.startsWith('<![CDATA[', at) || original.startsWith(']]>', at)) {
      at += original[at] === '<' ? 9 : 3;
      continue;
    }
    const start = at;
    const reference = original[at] === '&' ? REFERENCE.exec(original.slice(at, at + 12)) : null;
    const code = reference?.[1] ? Number(reference[1]) : reference?.[2] ? parseInt(reference[2], 16) : null;
    const named = reference?.[3] ? NAMED[reference[3].toLowerCase()] : undefined;
    if (reference && code !== null && code <= 0x10ffff) {
      text += String.fromCodePoint(code);
      at += reference[0].length;
    } else if (reference && named !== undefined) {
      text += named;
      at += reference[0].length;
    } else {
      text += original[at++];
    }
    // A character of two UTF-16 units (an emoji) is one reference: both units come from where it starts.
    while (from.length < text.length) from.push(start);
  }
  from.push(at);
  return { text, from };
}
