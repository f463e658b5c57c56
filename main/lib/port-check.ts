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

/** A port Hookferry could not open, refused under its field in words a shopkeeper reads (not the system's code). */
export function portRefused(path: string[], port: number, code: string): ZodError {
  const reason = code === 'EADDRINUSE' ? 'port_in_use' : code === 'EACCES' ? 'port_not_allowed' : 'port_unavailable';
  return fieldRefused(path, inEnglish({ en: en.fields }, `custom_${reason}`, { port, code }), reason, { port, code });
}
