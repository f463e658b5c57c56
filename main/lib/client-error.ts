import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What Node refused before any route saw the request: too slow, headers too large, HTTP/2 (its connection preface,
 * `PRI * HTTP/2.0`, sent by a client that assumes the server speaks it), or not HTTP it can read.
 */
export type ClientProblem = 'timeout' | 'headers' | 'http2' | 'malformed';

const STATUS: Record<ClientProblem, number> = { timeout: 408, headers: 431, http2: 505, malformed: 400 };

export function clientProblemOf(error: NodeJS.ErrnoException): ClientProblem {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'timeout';
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'headers';
  if (error.code === 'HPE_PAUSED_H2_UPGRADE') return 'http2';
  return 'malformed';
}

/**
 * Fastify's `clientErrorHandler`: Node's own refusals (a request cut off for slowness, oversized headers, bytes that
 * are no HTTP) answered with a sentence, as every other refusal is, instead of Fastify's "Client Error".
 * `noted` writes it down where the answer alone would be lost (the intake's live log).
 */
export function sentenceForClientErrors(
  sentence: (problem: ClientProblem) => string,
  noted?: (problem: ClientProblem, status: number, socket: Socket) => void,
) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    // A reset connection has no one left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const problem = clientProblemOf(error);
    const status = STATUS[problem];
    noted?.(problem, status, socket);
    if (socket.writable) {
      const body = JSON.stringify({ error: sentence(problem) });
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}
