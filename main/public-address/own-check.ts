import { randomBytes } from 'node:crypto';
import got from 'got';

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
