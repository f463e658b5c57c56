import { createHmac, timingSafeEqual } from 'node:crypto';
import type { KeyRefusalCode } from '../api/contract.js';
import type { ActiveVerification } from '../store/sources.js';
import { type Headers, headerText, headerValue } from './headers.js';
import { type Refusal, refusal } from './refusal.js';

/** `null` when the request passes; otherwise why not (a 401). */
export function verificationFailure(verification: ActiveVerification, headers: Headers, raw: Buffer): Refusal | null {
  switch (verification.type) {
    case 'none':
      return null;
    case 'header': {
      if (verification.value === null) return keyRefusal('intake.secretLost');
      const given = headerValue(headers, verification.header.toLowerCase());
      if (given === undefined) return keyRefusal('intake.headerMissing', { header: verification.header });
      // HTTP strips the spaces around a header's value, so a value pasted with them could never match; values saved
      // before the API trimmed them are trimmed here.
      return sameText(headerText(given), verification.value.trim())
        ? null
        : keyRefusal('intake.headerWrong', { header: verification.header });
    }
    case 'hmac': {
      if (verification.secret === null) return keyRefusal('intake.secretLost');
      const given = headerValue(headers, verification.header.toLowerCase());
      if (given === undefined) return keyRefusal('intake.signatureMissing', { header: verification.header });
      // A secret pasted with a space or line break around it (saved before the API trimmed them): no sender signs so.
      const digest = createHmac('sha256', verification.secret.trim()).update(raw).digest();
      const signature = given.replace(/^sha256=/i, '');
      const expected = digest.toString(verification.encoding);
      const matches =
        verification.encoding === 'hex' ? sameText(signature.toLowerCase(), expected) : sameText(signature, expected);
      return matches ? null : keyRefusal('intake.signatureWrong', { header: verification.header });
    }
  }
}

/** Only the contract's key refusals, so the dashboard knows each for one (and says to fix the key). */
function keyRefusal(code: KeyRefusalCode, params: { header?: string } = {}): Refusal {
  return refusal(401, code, params);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
