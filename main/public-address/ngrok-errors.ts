import { type Problem, problem } from './problem.js';

/*
 * ngrok's error codes (https://ngrok.com/docs/errors/), grouped by what the merchant can do about them.
 * The SDK appends the code to the message as `error_code: ERR_NGROK_…` and copies it to `errorCode`.
 */
const AUTHTOKEN = new Set([
  'ERR_NGROK_105', // the authtoken does not look like one
  'ERR_NGROK_106', // a v1 authtoken
  'ERR_NGROK_107', // well formed but invalid (reset, revoked)
  'ERR_NGROK_4018', // ngrok needs a verified account and authtoken
]);
const DOMAIN = new Set([
  'ERR_NGROK_305', // custom subdomains need a paid plan
  'ERR_NGROK_306', // custom hostnames need a paid plan
  'ERR_NGROK_313', // custom subdomain on a free account: the domain is not this account's dev domain
  'ERR_NGROK_320', // the domain is reserved for another account
  'ERR_NGROK_7117', // the domain is not reserved
  'ERR_NGROK_7118', // the domain is not reserved by this account
]);
const IN_USE = new Set([
  'ERR_NGROK_334', // the endpoint is already online elsewhere
]);
const PLAN_LIMIT = new Set([
  'ERR_NGROK_108', // simultaneous agent sessions
  'ERR_NGROK_324', // endpoints over one agent session
  'ERR_NGROK_348', // sessions
  'ERR_NGROK_351', // endpoints added per interval
  'ERR_NGROK_18021', // concurrent endpoints
]);
/** What the SDK says when it never reached ngrok's servers (DNS, refused, unreachable, timed out, TLS to a wrong host). */
const UNREACHABLE =
  /failed to establish tcp connection|failed to connect session|dns|resolve|connection refused|network is unreachable|timed out|no route to host|host is down|tls handshake/i;

export interface NgrokErrorContext {
  /** Cut from any message before it is shown or logged: ngrok's ERR_NGROK_105 quotes the authtoken back. */
  authtoken: string;
  domain: string | null;
}

/** What an ngrok SDK failure means for the merchant. */
export function classifyNgrokError(error: unknown, { authtoken, domain }: NgrokErrorContext): Problem {
  const raw = error instanceof Error ? error.message : String(error);
  const detail = scrub(raw, authtoken);
  const ngrokCode =
    (error as { errorCode?: unknown } | null)?.errorCode?.toString() ?? /ERR_NGROK_\d+/.exec(raw)?.[0] ?? '';
  const shownDomain = domain ?? 'ngrok';
  if (AUTHTOKEN.has(ngrokCode)) return problem('public-address-authtoken', { ngrokCode }, false);
  if (DOMAIN.has(ngrokCode)) return problem('public-address-domain', { ngrokCode, domain: shownDomain }, false);
  if (IN_USE.has(ngrokCode)) return problem('public-address-in-use', { ngrokCode, domain: shownDomain });
  if (PLAN_LIMIT.has(ngrokCode)) return problem('public-address-plan-limit', { ngrokCode });
  if (!ngrokCode && UNREACHABLE.test(raw)) return problem('public-address-offline');
  return problem('public-address-failed', { detail: sentenceOf(detail) });
}

/** The SDK's message with the authtoken cut out, on one line. */
export function scrub(message: string, authtoken: string): string {
  const cut = authtoken ? message.split(authtoken).join('[authtoken]') : message;
  return cut.replace(/\s+/g, ' ').trim();
}

function sentenceOf(text: string): string {
  const short = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return /[.!?…]$/.test(short) ? short : `${short}.`;
}
