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
