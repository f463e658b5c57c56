import { timingSafeEqual } from 'node:crypto';

/**
 * Who may drive the engine: a request to the loopback address by its port
 * (DNS rebinding sends a foreign Host), from our own page or a trusted shell
 * origin (a foreign Origin is another website), carrying the bearer token.
 */
export interface Guard {
  /** A sentence for the 403, or null when Host and Origin are ours. */
  foreignCaller(host: string | undefined, origin: string | undefined): string | null;
  tokenMatches(authorization: string | undefined): boolean;
}

export const SIGN_IN_AGAIN =
  'Sign in again: open the dashboard from Hookferry (the address printed at start, or the tray menu).';

export function createGuard(port: () => number, token: string, trustedOrigins: string[]): Guard {
  const expected = Buffer.from(`Bearer ${token}`);
  return {
    foreignCaller(host, origin) {
      const hosts = ['127.0.0.1', 'localhost', '[::1]'].map((name) => `${name}:${port()}`);
      if (!host || !hosts.includes(host.toLowerCase())) return 'This address only answers to 127.0.0.1 or localhost.';
      if (
        origin !== undefined &&
        !hosts.some((allowed) => origin === `http://${allowed}`) &&
        !trustedOrigins.includes(origin)
      ) {
        return 'Requests from other websites are not allowed.';
      }
      return null;
    },
    tokenMatches(authorization) {
      const given = Buffer.from(authorization ?? '');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/**
 * The request target as the router should see it: the path of an absolute-form
 * target (`GET http://x/api/settings`), with `.` and `..` segments resolved, so
 * that a route is found by one spelling of its path. Percent-encoding, case,
 * doubled slashes and `;` are the router's to fold (see the admin server's
 * router options); the token is then checked by the hook of the routes found.
 */
export function canonicalTarget(raw: string): string {
  const path = raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  // Prefixed with an origin so that `//api/x` stays a path instead of naming a host.
  try {
    const url = new URL(`http://engine${path.startsWith('/') ? '' : '/'}${path}`);
    return `${url.pathname}${url.search}`;
  } catch {
    // Left to the router, which answers 404: the token check does not depend on this.
    return raw;
  }
}
