import type { Readable } from 'node:stream';
import type { BodyHold } from './body-budget.js';

/** The error a body over the limit ends with; Fastify answers with its status. */
export class BodyTooLargeError extends Error {
  readonly statusCode = 413;
  constructor() {
    super('The body is larger than the limit.');
    this.name = 'BodyTooLargeError';
  }
}

/** The error a body ends with when the intake holds as many body bytes as it may (see body-budget.ts). */
export class BodyBudgetError extends Error {
  readonly statusCode = 503;
  constructor() {
    super('The intake holds as many bodies as it may.');
    this.name = 'BodyBudgetError';
  }
}

/**
 * Reads a body as it streams, holding at most `limit` bytes: the chunk that
 * takes it past the limit is dropped and reading stops there, so an endless or
 * huge body never sits in memory (the reply then closes the connection). Each chunk is covered by `hold` first:
 * past the intake's budget for bodies reading stops the same way.
 */
export function readBodyWithin(
  payload: Readable,
  limit: number,
  hold: BodyHold,
  done: (error: Error | null, body?: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  let size = 0;
  const finish = (error: Error | null) => {
    payload.off('data', onData);
    payload.off('end', onEnd);
    payload.off('error', onError);
    if (error) {
      payload.pause();
      done(error);
    } else done(null, Buffer.concat(chunks, size));
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) finish(new BodyTooLargeError());
    else if (!hold.cover(size)) finish(new BodyBudgetError());
    else chunks.push(chunk);
  };
  const onEnd = () => finish(null);
  // A sender that hangs up mid-body: a client error, not a failure of ours.
  const onError = (error: Error) => finish(Object.assign(error, { statusCode: 400 }));
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onError);
}
