import { randomBytes } from 'node:crypto';

/** Short random ids with a prefix that says what they name (`evt_…`, `src_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** An intake URL token: 192 random bits, unguessable. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}
