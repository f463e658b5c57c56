import { createHash } from 'node:crypto';

/** An accepted event's content fingerprint: a sender's retry of the same type and body has the same one. */
export function bodyHashOf(sourceId: string | null, type: string, body: Buffer | null): string {
  return createHash('sha256')
    .update(`${sourceId}\n${type}\n`)
    .update(body ?? Buffer.alloc(0))
    .digest('base64url');
}
