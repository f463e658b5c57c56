import { randomBytes } from 'node:crypto';
import got from 'got';
import { isCertificateProblem } from '../delivery/send.js';
import type { PublicAddressReasonCode } from '../i18n/reasons/public-address.js';

/** Long enough for a tunnel on a slow line, short enough that the status does not hang on "checking". */
const CHECK_TIMEOUT_MS = 10_000;

/**
 * Whether the shop's own public address (a tunnel or a port forward it set up) reaches this engine: its
 * intake's `/healthz` is asked through that address with a probe only this call knows, which the intake
 * says back. Another server answering 200 at that address is not taken for this one.
 */
export async function reachesThisEngine(
  baseUrl: string,
): Promise<{ ok: true } | { ok: false; answeredBy: 'another server' | null; code: string | null }> {
  const probe = randomBytes(12).toString('base64url');
  try {
    const answer = await got(`${baseUrl}/healthz`, {
      searchParams: { probe },
      timeout: { request: CHECK_TIMEOUT_MS },
      retry: { limit: 0 },
      followRedirect: false,
      throwHttpErrors: false,
    }).json<{ probe?: unknown }>();
    return answer.probe === probe ? { ok: true } : { ok: false, answeredBy: 'another server', code: null };
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    // Something answered, but not JSON: a router's page, another web server.
    if (code === 'ERR_BODY_PARSE_FAILURE') return { ok: false, answeredBy: 'another server', code: null };
    return { ok: false, answeredBy: null, code: code ?? 'ERR_UNKNOWN' };
  }
}

/** Why the address did not answer, in words a shopkeeper can act on instead of Node's code (ENOTFOUND). */
export function whyUnreached(code: string | null): PublicAddressReasonCode {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'public-address-why-not-found';
    case 'ECONNREFUSED':
      return 'public-address-why-refused';
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return 'public-address-why-timeout';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'public-address-why-cut';
    default:
      return code && isCertificateProblem(code) ? 'public-address-why-certificate' : 'public-address-why-other';
  }
}
