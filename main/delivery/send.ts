import http from 'node:http';
import https from 'node:https';
import got, { type RequestError } from 'got';
import type { AttemptCategory } from '../api/contract.js';
import { parseRetryAfter } from './schedule.js';

export interface OutgoingRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
}

export interface Outcome {
  category: AttemptCategory;
  httpStatus: number | null;
  error: string | null;
  responseSnippet: string | null;
  durationMs: number;
  retryAfterMs: number | null;
  /** The whole answer, for callers that read it (a CRM kind's token and status); never stored. */
  responseBody?: Buffer;
}

const SNIPPET_BYTES = 2048;
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Sends with got, one keep-alive agent pair per destination sized to its
 * concurrency. got's own retries are off: the queue owns every retry, so that
 * each one is scheduled, stored and shown.
 */
export class Sender {
  private readonly agents = new Map<string, { size: number; http: http.Agent; https: https.Agent }>();

  async send(destinationId: string, concurrency: number, request: OutgoingRequest): Promise<Outcome> {
    const started = performance.now();
    const duration = () => Math.round(performance.now() - started);
    try {
      const response = await got(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        agent: this.agentsFor(destinationId, concurrency),
        timeout: { connect: Math.min(CONNECT_TIMEOUT_MS, request.timeoutMs), request: request.timeoutMs },
        retry: { limit: 0 },
        throwHttpErrors: false,
        followRedirect: false,
        responseType: 'buffer',
      });
      const status = response.statusCode;
      const snippet = response.body.subarray(0, SNIPPET_BYTES).toString('utf8');
      const category: AttemptCategory = status >= 200 && status < 300 ? 'delivered' : status === 410 ? 'gone' : 'http';
      return {
        category,
        httpStatus: status,
        error: category === 'delivered' ? null : statusSentence(status, response.statusMessage),
        responseSnippet: snippet || null,
        durationMs: duration(),
        retryAfterMs: category === 'http' ? parseRetryAfter(response.headers['retry-after']) : null,
        responseBody: response.body,
      };
    } catch (error) {
      const failure = error as RequestError;
      const timedOut = failure.name === 'TimeoutError';
      return {
        category: timedOut ? 'timeout' : 'network',
        httpStatus: null,
        error: timedOut
          ? `No answer within ${Math.round(request.timeoutMs / 1000)} s.`
          : networkSentence(failure, request.url),
        responseSnippet: null,
        durationMs: duration(),
        retryAfterMs: null,
      };
    }
  }

  close(): void {
    for (const pair of this.agents.values()) {
      pair.http.destroy();
      pair.https.destroy();
    }
    this.agents.clear();
  }

  private agentsFor(destinationId: string, size: number) {
    let pair = this.agents.get(destinationId);
    if (!pair || pair.size !== size) {
      pair?.http.destroy();
      pair?.https.destroy();
      pair = {
        size,
        http: new http.Agent({ keepAlive: true, maxSockets: size, maxFreeSockets: size }),
        https: new https.Agent({ keepAlive: true, maxSockets: size, maxFreeSockets: size }),
      };
      this.agents.set(destinationId, pair);
    }
    return { http: pair.http, https: pair.https };
  }
}

/** An outcome decided without sending: skipped, or not sendable as it is. */
export function localOutcome(category: 'skipped' | 'invalid', reason: string): Outcome {
  return { category, httpStatus: null, error: reason, responseSnippet: null, durationMs: 0, retryAfterMs: null };
}

function statusSentence(status: number, message: string | undefined): string {
  const named = message ? `${status} ${message}` : String(status);
  if (status === 410)
    return `The destination answered ${named}: it no longer wants these events, so Hookferry stopped trying.`;
  if (status >= 300 && status < 400)
    return `The destination answered ${named} (a redirect). Use the final address as the destination URL.`;
  if (status === 401 || status === 403)
    return `The destination answered ${named}: check the credentials in the destination's headers.`;
  if (status === 429) return `The destination answered ${named}: it asked Hookferry to slow down.`;
  return `The destination answered ${named}.`;
}

function networkSentence(error: RequestError, url: string): string {
  const { host } = new URL(url);
  switch (error.code) {
    case 'ECONNREFUSED':
      return `Connection refused: nothing is listening at ${host}. Is the receiving program running?`;
    case 'ECONNRESET':
      return `The connection to ${host} was cut before an answer came.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The address ${host} could not be found. Check the URL and the internet connection.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${host} cannot be reached from this PC right now.`;
    default:
      return `The request to ${host} failed: ${error.message}`;
  }
}
