import { errorCodes, type FastifyInstance } from 'fastify';
import { InvalidInputError, refusedFor } from '../lib/errors.js';

/** Keys that, read into an object, could change how every object is read (prototype pollution). */
const POISON = /"(__proto__|constructor)"\s*:/;

/**
 * The admin API's JSON. Fastify's own parser refused a body with a `__proto__` key as "not valid JSON", which sent
 * the reader looking for a stray comma. Such a body is refused here, with a sentence saying which key.
 */
export function parseAdminJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const body = text as string;
    // No body at all is no body, whatever the type says: a copied curl line sends the header with every call, and
    // a call that takes no body (a delete, a discard, a test) is not refused for it.
    if (body.length === 0) return done(null, undefined);
    let poisoned = false;
    let value: unknown;
    try {
      // Only a body that names such a key at all is looked through, key by key, as it is read.
      value = POISON.test(body)
        ? JSON.parse(body, (key, each: unknown) => {
            if (
              key === '__proto__' ||
              (key === 'constructor' && typeof each === 'object' && each !== null && 'prototype' in each)
            )
              poisoned = true;
            return each;
          })
        : JSON.parse(body);
    } catch {
      return done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
    }
    if (poisoned) return done(new InvalidInputError(refusedFor('admin.protoKey')), undefined);
    done(null, value);
  });
}
