import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ActiveVerification } from '../store/sources.js';
import { type Headers, headerValue } from './headers.js';

/** `null` when the request passes; otherwise the sentence the sender and the log get. */
export function verificationFailure(verification: ActiveVerification, headers: Headers, raw: Buffer): string | null {
  switch (verification.type) {
    case 'none':
      return null;
    case 'header': {
      if (verification.value === null) return secretLost;
      const given = headerValue(headers, verification.header.toLowerCase());
      if (given === undefined) return `The ${verification.header} header is missing.`;
      return sameText(given, verification.value)
        ? null
        : `The ${verification.header} header does not carry the expected value.`;
    }
    case 'hmac': {
      if (verification.secret === null) return secretLost;
      const given = headerValue(headers, verification.header.toLowerCase());
      if (given === undefined) return `The signature header ${verification.header} is missing.`;
      const digest = createHmac('sha256', verification.secret).update(raw).digest();
      const signature = given.replace(/^sha256=/i, '');
      const expected = digest.toString(verification.encoding);
      const matches =
        verification.encoding === 'hex' ? sameText(signature.toLowerCase(), expected) : sameText(signature, expected);
      return matches
        ? null
        : `The signature in ${verification.header} does not match the body: check that the signing secret is the same on both sides.`;
    }
  }
}

const secretLost = 'The secret for this source could not be read (the data key changed). Enter it again in Sources.';

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
