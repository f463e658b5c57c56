import { randomBytes } from 'node:crypto';

// Drawing a few bytes at a time from the OS is slow under load; draw 4 KB and hand it out.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

function random(bytes: number): Buffer {
  if (offset + bytes > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const slice = pool.subarray(offset, offset + bytes);
  offset += bytes;
  return slice;
}

/**
 * Ids with a prefix that says what they name (`evt_…`, `src_…`): the time in
 * milliseconds, then 72 random bits. Ids made later sort later, so the unique
 * index on them grows at its end instead of touching a random page per insert,
 * which is what keeps group commits small on disk.
 */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${random(9).toString('base64url')}`;
}

/** An intake URL token: 192 random bits, unguessable. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}
