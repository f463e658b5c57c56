import http, { type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import got, { type RequestError } from 'got';
import type { AttemptCategory, Reason } from '../api/contract.js';
import { type DeliveryCode, type Said, said } from './said.js';
import { parseRetryAfter } from './schedule.js';
import { sealUrl } from '../store/url-secrets.js';

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
  /** The same as `error`, as a code and parameters for the dashboard. */
  reason: Reason | null;
  responseSnippet: string | null;
  durationMs: number;
  retryAfterMs: number | null;
  /**
   * The destination would answer the same at every try (Zithara refusing the client id and secret): it is not
   * tried again but waits in Failed at once, for the merchant to fix the cause and resend.
   */
  final?: boolean;
  /** The answer (its first 64 KB), for callers that read it (a CRM kind's token and status); never stored. */
  responseBody?: Buffer;
}

/** Every request Hookferry makes, whatever the destination's kind, names it the same way. */
export const USER_AGENT = 'Hookferry/0.1 (+webhook relay)';

const SNIPPET_BYTES = 2048;
/** The most of an answer Hookferry reads; the rest is never received. */
export const MAX_ANSWER_BYTES = 64 * 1024;
const CONNECT_TIMEOUT_MS = 10_000;
/**
 * How long past its own timeout a try may go before Hookferry ends it itself. got's timers end with the request, and
 * an answer Node hands elsewhere (a 101's connection) ends the request without an error or an answer: that try
 * waited for ever and held one of the destination's slots until a restart. Any answer no rule here foresees ends
 * the same way, at this time.
 */
const BACKSTOP_MARGIN_MS = 2_000;

/** The backstop's end of a try: said as the timeout it is (no answer came in the destination's time). */
class NoAnswerInTime extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * Sends with got, one keep-alive agent pair per destination sized to its
 * concurrency. got's own retries are off: the queue owns every retry, so that
 * each one is scheduled, stored and shown.
 */
export class Sender {
  private readonly agents = new Map<string, { size: number; http: http.Agent; https: https.Agent }>();
  /** Agents replaced while requests were out on them: closed by `close` if those have not ended by then. */
  private readonly retired = new Set<http.Agent>();

  async send(destinationId: string, concurrency: number, request: OutgoingRequest): Promise<Outcome> {
    const started = performance.now();
    const duration = () => Math.round(performance.now() - started);
    const progress = { sent: false, answeredHttp: false };
    try {
      const response = await this.exchange(request, this.agentsFor(destinationId, concurrency), progress);
      const status = response.statusCode;
      const snippet = response.body.subarray(0, SNIPPET_BYTES).toString('utf8');
      const category: AttemptCategory = status >= 200 && status < 300 ? 'delivered' : status === 410 ? 'gone' : 'http';
      const failure =
        category === 'delivered' ? null : statusSaid(status, response.statusMessage, request.url, response.headers);
      return {
        category,
        httpStatus: status,
        error: failure?.text ?? null,
        reason: failure?.reason ?? null,
        responseSnippet: snippet || null,
        durationMs: duration(),
        retryAfterMs: category === 'http' ? parseRetryAfter(response.headers['retry-after']) : null,
        responseBody: response.body,
      };
    } catch (error) {
      const failure = error as RequestError | NoAnswerInTime;
      const unsendable = unsendableHeader(failure, request.url);
      if (unsendable) return { ...localOutcome('invalid', unsendable), durationMs: duration() };
      const timedOut = failure.name === 'TimeoutError';
      const seconds = Math.round(request.timeoutMs / 1000);
      // Once the whole request went out with its body (an event; not a token request), the destination may have
      // taken the event though no answer came.
      const sent = progress.sent && request.body !== undefined;
      const why = timedOut
        ? said(sent ? 'delivery.timeoutSent' : 'delivery.timeout', { seconds })
        : networkSaid(failure as RequestError, request.url, sent, progress.answeredHttp);
      return {
        category: timedOut ? 'timeout' : 'network',
        httpStatus: null,
        error: why.text,
        reason: why.reason,
        responseSnippet: null,
        durationMs: duration(),
        retryAfterMs: null,
      };
    }
  }

  /**
   * One request, its answer read up to MAX_ANSWER_BYTES: a destination that
   * answers with hundreds of megabytes is cut off there (the connection is
   * dropped), so no answer can grow the engine's memory. Once its status line
   * came, that status is the answer: a body cut short or never finished (the
   * connection closed mid-answer, the timeout reached while it trickled) does
   * not turn a 200 into "no answer", which would send the event again.
   */
  private exchange(
    request: OutgoingRequest,
    agent: { http: http.Agent; https: https.Agent },
    progress: { sent: boolean; answeredHttp: boolean },
  ): Promise<{ statusCode: number; statusMessage?: string; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const stream = got.stream(request.url, {
        method: request.method,
        headers: { 'user-agent': USER_AGENT, ...request.headers },
        body: request.body,
        agent,
        timeout: { connect: Math.min(CONNECT_TIMEOUT_MS, request.timeoutMs), request: request.timeoutMs },
        retry: { limit: 0 },
        throwHttpErrors: false,
        followRedirect: false,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      let answer: IncomingMessage | null = null;
      const backstop = setTimeout(() => {
        if (answer) finish();
        else fail(new NoAnswerInTime(`No answer within ${request.timeoutMs} ms`));
        stream.destroy();
      }, request.timeoutMs + BACKSTOP_MARGIN_MS);
      // A stopping engine waits for its tries its own way (see the queue); this timer is no reason to stay up.
      backstop.unref();
      const finish = () => {
        if (settled || !answer) return;
        settled = true;
        clearTimeout(backstop);
        const body = Buffer.concat(chunks, size).subarray(0, MAX_ANSWER_BYTES);
        resolve({
          statusCode: answer.statusCode ?? 0,
          statusMessage: answer.statusMessage,
          headers: answer.headers,
          body,
        });
      };
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(backstop);
        reject(error);
      };
      stream.on('request', (outgoing: ClientRequest) => {
        outgoing.once('finish', () => (progress.sent = true));
        // An informational answer (100 Continue, 103 Early Hints) came first: whatever breaks after it, an HTTP server
        // answered, as much as one whose own status line began `HTTP/`.
        outgoing.once('information', () => (progress.answeredHttp = true));
      });
      stream.on('response', (response: IncomingMessage) => (answer = response));
      // A 101 (Switching Protocols) comes here, not as a response: Node hands over the connection and ends the
      // request, so neither an answer nor an error would follow. It is the answer; its connection is closed.
      stream.on('upgrade', (response: IncomingMessage, socket: Duplex) => {
        socket.destroy();
        answer = response;
        finish();
        stream.destroy();
      });
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size < MAX_ANSWER_BYTES) return;
        finish();
        stream.destroy();
      });
      stream.on('end', finish);
      stream.on('error', (error) => {
        if (answer) return finish();
        fail(error);
      });
    });
  }

  close(): void {
    for (const pair of this.agents.values()) {
      pair.http.destroy();
      pair.https.destroy();
    }
    for (const agent of this.retired) agent.destroy();
    this.agents.clear();
    this.retired.clear();
  }

  /**
   * A destination's agents, sized to its concurrency. A changed concurrency gets new ones; the old ones are
   * retired, not destroyed: destroying them cut the tries on the wire (the receiver had the orders, Hookferry
   * recorded cut connections and sent them again).
   */
  private agentsFor(destinationId: string, size: number) {
    let pair = this.agents.get(destinationId);
    if (!pair || pair.size !== size) {
      if (pair) this.retire(pair.http, pair.https);
      pair = {
        size,
        http: new http.Agent({ keepAlive: true, maxSockets: size, maxFreeSockets: size }),
        https: new https.Agent({ keepAlive: true, maxSockets: size, maxFreeSockets: size }),
      };
      this.agents.set(destinationId, pair);
    }
    return { http: pair.http, https: pair.https };
  }

  /**
   * No new request goes to these agents: their idle connections are closed now, and each connection still carrying
   * a request is closed once its answer came (an agent keeps no free connection past `maxFreeSockets`).
   */
  private retire(...agents: http.Agent[]): void {
    for (const agent of this.retired) if (connectionsOf(agent) === 0) this.retired.delete(agent);
    for (const agent of agents) {
      agent.maxFreeSockets = 0;
      for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
      if (connectionsOf(agent) > 0) this.retired.add(agent);
    }
  }
}

function connectionsOf(agent: http.Agent): number {
  const count = (groups: NodeJS.ReadOnlyDict<unknown[]>) =>
    Object.values(groups).reduce((sum, sockets) => sum + (sockets?.length ?? 0), 0);
  return count(agent.sockets) + count(agent.freeSockets);
}

/** An outcome decided without sending: skipped, not sendable as it is, or not made ready in time. */
export function localOutcome(category: 'skipped' | 'invalid' | 'busy', why: Said): Outcome {
  return {
    category,
    httpStatus: null,
    error: why.text,
    reason: why.reason,
    responseSnippet: null,
    durationMs: 0,
    retryAfterMs: null,
  };
}

function statusSaid(status: number, message: string | undefined, url: string, headers: IncomingHttpHeaders): Said {
  const named = message ? `${status} ${message}` : String(status);
  if (status === 410) return said('delivery.gone', { status: named });
  if (status === 101) return said('delivery.switchedProtocols', { host: new URL(url).host });
  if (status >= 300 && status < 400) return redirectSaid(named, url, headers.location);
  if (status === 401 || status === 403) return said('delivery.unauthorized', { status: named });
  if (status === 429) return said('delivery.slowDown', { status: named });
  // Node reads any three digits: 600 and above are no status at all, not a server's own trouble.
  if (status >= 600) return said('delivery.invalidStatus', { status: named });
  if (status >= 500) return said('delivery.serverError', { status: named });
  if (status >= 400) return said('delivery.rejected', { status: named });
  return said('delivery.answered', { status: named });
}

/** The longest redirect address said in a sentence; a longer one is cut (the rest is no help to read). */
const LOCATION_CHARS = 300;

/**
 * Redirects are not followed (a POST sent on to another address, with the destination's secret headers, is not
 * something to do unasked): the sentence says where the destination points instead, so the merchant can decide.
 */
function redirectSaid(status: string, url: string, location: string | undefined): Said {
  const target = location && URL.canParse(location, url) ? new URL(location, url) : null;
  if (!target) return said('delivery.redirect', { status });
  if (target.href === new URL(url).href) return said('delivery.redirectSelf', { status });
  // Said, stored and streamed: a secret query value in it (the destination's own key, sent on by the redirect) is
  // hidden by the rule the destination's address is shown by.
  const shown = sealUrl(target.href, {}, true).url;
  const href = shown.length > LOCATION_CHARS ? `${shown.slice(0, LOCATION_CHARS)}…` : shown;
  return said('delivery.redirectTo', { status, location: href });
}

/**
 * Node's refusals to write a header (a value with a line break or a letter outside Latin-1, a name that is no HTTP
 * token), thrown before anything goes on the wire. A saved setting causes them and every try would meet the same:
 * said as the setting to fix, not as a network fault retried for hours.
 */
const UNSENDABLE_HEADER = new Set(['ERR_INVALID_CHAR', 'ERR_INVALID_HTTP_TOKEN']);

function unsendableHeader(error: Error & { code?: string }, url: string): Said | null {
  if (!error.code || !UNSENDABLE_HEADER.has(error.code)) return null;
  // Node names the header (never its value) in brackets at the message's end.
  const header = /\["([^"]*)"\]$/.exec(error.message)?.[1] ?? '?';
  return said('delivery.headerUnsendable', { host: new URL(url).host, header });
}

function networkSaid(error: RequestError, url: string, sent: boolean, answeredHttp: boolean): Said {
  const { host } = new URL(url);
  switch (error.code) {
    case 'ECONNREFUSED':
      return said('delivery.refused', { host });
    case 'ECONNRESET':
      return said(sent ? 'delivery.resetSent' : 'delivery.reset', { host });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return said('delivery.notFound', { host });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return said('delivery.unreachable', { host });
    // An https:// address whose port speaks plain HTTP (OpenSSL's "wrong version number").
    case 'EPROTO':
      return said('delivery.notTls', { host });
    default:
      if (error.code?.startsWith('HPE_')) return unreadableSaid(error.code, host, sent, answeredHttp);
      return certificateSaid(error, host) ?? said('delivery.network', { host, message: error.message });
  }
}

/**
 * Node's HTTP parser refused the answer (HPE_…). One that did not even begin as HTTP (`HTTP/`) is another protocol on
 * that port: an SSH banner, a TLS alert, a printer's greeting, and a wrong address or port is what to check. One that
 * began as HTTP and then broke its rules (a 100 KB header, `Content-Length: abc`, two lengths, a NUL byte) came from a
 * web server that had the event, when it was sent whole: the try fails as any other, but the sentence says the
 * destination may have it, as for a connection cut then, so nobody resends it unwarned. Whether the request was
 * written whole cannot tell the two apart: Node has written a small request before any answer is read, even an
 * SSH banner sent before the request arrived.
 */
function unreadableSaid(code: string, host: string, sent: boolean, answeredHttp: boolean): Said {
  return sent && (code !== NOT_HTTP_AT_ALL || answeredHttp)
    ? said('delivery.unreadableSent', { host })
    : said('delivery.notHttp', { host });
}

/** The parser's code for an answer whose first bytes are not `HTTP/`. */
const NOT_HTTP_AT_ALL = 'HPE_INVALID_CONSTANT';

/**
 * OpenSSL's verdicts on a certificate (Node gives its codes as they are) that a merchant meets, each said with what
 * to do: a receiving program on the shop's network with a certificate of its own making, a certificate let expire,
 * a PC whose clock is wrong, a URL with the wrong name, a server that leaves out its intermediate certificates.
 */
const CERTIFICATE_PROBLEMS: Record<string, DeliveryCode> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'delivery.certSelfSigned',
  SELF_SIGNED_CERT_IN_CHAIN: 'delivery.certUnknownAuthority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'delivery.certUnknownAuthority',
  UNABLE_TO_GET_ISSUER_CERT: 'delivery.certUnknownAuthority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'delivery.certUnknownAuthority',
  CERT_HAS_EXPIRED: 'delivery.certExpired',
  CERT_NOT_YET_VALID: 'delivery.certNotYetValid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'delivery.certWrongName',
  HOSTNAME_MISMATCH: 'delivery.certWrongName',
};

/** Any other refusal of a certificate (revoked, a bad signature, …): said as one, with OpenSSL's words kept. */
const OTHER_CERTIFICATE_PROBLEM = /^(CERT_|INVALID_CA$|INVALID_PURPOSE$|UNABLE_TO_DECRYPT_|UNABLE_TO_DECODE_)/;

/** Whether Node's error code is a refusal of the other side's certificate (known or not): one rule for every check. */
export function isCertificateProblem(code: string): boolean {
  return Object.hasOwn(CERTIFICATE_PROBLEMS, code) || OTHER_CERTIFICATE_PROBLEM.test(code);
}

function certificateSaid(error: RequestError, host: string): Said | null {
  const code = error.code ?? '';
  const known = Object.hasOwn(CERTIFICATE_PROBLEMS, code) ? CERTIFICATE_PROBLEMS[code] : undefined;
  if (known) return said(known, { host });
  if (OTHER_CERTIFICATE_PROBLEM.test(code)) return said('delivery.certUntrusted', { host, message: error.message });
  return null;
}
