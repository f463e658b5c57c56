import { createServer } from 'node:net';
import type { ZodError } from 'zod';
import { en } from '../i18n/en.js';
import { inEnglish } from '../i18n/english.js';
import { fieldRefused } from './errors.js';

/** Why `port` on `host` cannot be listened on now (`EADDRINUSE`, `EACCES`…), or null when it can. */
export function portProblem(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

/**
 * An intake address refused under its field: `not_here` (not one of this PC's), or the system's code when it would not
 * listen there (EADDRNOTAVAIL): the address is the problem, not the port.
 */
export function hostRefused(host: string, code: string): ZodError {
  return fieldRefused(
    ['intake', 'host'],
    inEnglish({ en: en.fields }, 'custom_host_unavailable', { host }),
    'host_unavailable',
    {
      host,
      code,
    },
  );
}

/** A public address only this PC or the shop's network reaches, refused under its field (see reachableOnlyNearby). */
export function nearbyAddressRefused(host: string): ZodError {
  return fieldRefused(
    ['publicAddress', 'url'],
    inEnglish({ en: en.fields }, 'custom_public_url_nearby', { host }),
    'public_url_nearby',
    { host },
  );
}

/** Why listening failed, said of the address when the system refused the address (EADDRNOTAVAIL), else of the port. */
export function listenRefused(path: string[], host: string, port: number, code: string): ZodError {
  return code === 'EADDRNOTAVAIL' ? hostRefused(host, code) : portRefused(path, port, code);
}

/** A port Hookferry could not open, refused under its field in words a shopkeeper reads (not the system's code). */
export function portRefused(path: string[], port: number, code: string): ZodError {
  const reason = code === 'EADDRINUSE' ? 'port_in_use' : code === 'EACCES' ? 'port_not_allowed' : 'port_unavailable';
  return fieldRefused(path, inEnglish({ en: en.fields }, `custom_${reason}`, { port, code }), reason, { port, code });
}
