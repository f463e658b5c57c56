import { createHash } from 'node:crypto';

/**
 * An accepted event's content fingerprint: a sender's retry of the same type and body has the same one.
 *
 * `source\ntype\nbody` alone is ambiguous once a type holds a line break: type `a\nb` with body `X` reads the same as
 * type `a` with body `b\nX`, and the second was taken for a retry of the first. A type without a line break keeps
 * that form, so the fingerprints stored events already have still match their senders' retries after an upgrade; a
 * type with one is written as JSON (self-delimiting) after a leading line break, which the old form never begins with
 * (a source id is never empty and has no line break), so it can match neither an old fingerprint nor another type.
 */
export function bodyHashOf(sourceId: string | null, type: string, body: Buffer | null): string {
  const head = type.includes('\n') ? `\n${sourceId}\n${JSON.stringify(type)}` : `${sourceId}\n${type}\n`;
  return createHash('sha256')
    .update(head)
    .update(body ?? Buffer.alloc(0))
    .digest('base64url');
}
