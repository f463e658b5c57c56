import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server, Socket } from 'node:net';
import type { EventListItem, Settings, SourceKind } from '../api/contract.js';
import type { LiveLog } from '../live/live-log.js';
import { redactHeaders } from '../lib/redact.js';
import type { DerivedBody, EventWriter, NewEvent } from '../store/events-write.js';
import type { EventWaits } from '../store/event-waits.js';
import { newId } from '../store/ids.js';
import type { IntakeSource, SourceStore } from '../store/sources.js';
import { eventTypeOf, providerEventIdOf } from './event-type.js';
import { findableRefusal } from './findable-refusal.js';
import { headerValue } from './headers.js';
import { HangUps } from './hang-up.js';
import { partsAllowed } from './body-shape.js';
import { LARGE_BODY_BYTES } from './large-body.js';
import type { LargeBodyReader } from './large-body-reader.js';
import { parseBody } from './parse-body.js';
import { compressedRefusal } from './compressed.js';
import { BodyBudgetError, readBodyWithin } from './read-body.js';
import type { BodyHold } from './body-budget.js';
import { type Refusal, refusal } from './refusal.js';
import { senderOf, senderSecretHeaders } from './senders/index.js';
import { capConnectionsPerAddress, type SlowClientLimits, slowClientLimits, timeoutOptions } from './slow-clients.js';
import { type StoredOrderOf, summarize } from './summary.js';
import { RequestsPerSender, senderKey, trustTheAgentOnly, TUNNEL_AGENT } from './tunnel-senders.js';
import { verificationFailure } from './verify.js';
import { IntakeCounts } from './intake-counts.js';
import { bounded } from '../lib/bounded-text.js';
import { type ClientProblem, sentenceForClientErrors } from '../lib/client-error.js';
import { addressForSenders } from '../lib/intake-host.js';
import { browserPage, openedInBrowser } from './browser-page.js';

export interface IntakeDeps {
  sources: SourceStore;
  writer: EventWriter;
  live: LiveLog;
  log: Logger;
  settings: () => Settings['intake'];
  /** Whether this engine stored an event with this id: a `webhook-id` naming one is our own delivery come back. */
  ownEvent: (id: string) => boolean;
  /** An order the source sent before, by its id: an order line's summary names it by its invoice number. */
  storedOrder?: (sourceId: string, orderId: string) => Record<string, unknown> | null;
  /** Defaults to the production limits. */
  slowClients?: SlowClientLimits;
  /** Where bodies of LARGE_BODY_BYTES and more are read, off the engine's thread; without it, in the engine. */
  largeBodies?: LargeBodyReader | null;
  /** Shared by every listener of one engine; a listener alone counts for itself. */
  counts?: IntakeCounts;
}

export interface IntakeListenOptions {
  /**
   * The listener the ngrok tunnel forwards to (see tunnel-senders.ts): the sender is the right-most
   * `X-Forwarded-For` entry, and the cap counts a sender's requests under way instead of connections.
   */
  behindTunnel?: boolean;
}

export interface IntakeListener {
  url: string;
  close(): Promise<void>;
}

export const INTAKE_ROUTE = '/in/:token';
/** A rejected body is kept up to this size, enough to see what was wrong with it. */
const REJECTED_BODY_KEPT = 64 * 1024;
/**
 * Failed verifications one client address may make in a minute before its
 * failures are answered 429. Requests that verify are never refused for this:
 * a forged flood cannot turn the real sender away, even from the same address.
 */
export const FAILED_VERIFICATIONS_PER_MINUTE = 100;
/** Refusals written to the live log per source (or unknown token) per 10 s; the rest are refused unrecorded. */
const TRACES_PER_WINDOW = 10;
/**
 * What the refusals written down for one source (or unknown token) may keep in an hour: their headers, their bodies
 * (up to REJECTED_BODY_KEPT each) and ROW_BYTES each for the row itself. TRACES_PER_WINDOW alone let a stranger who
 * knows only the public address keep 16 KB of headers a second on the shop's disk (1.4 GB a day, 41 GB over the
 * 30 days of retention), 80 KB a second with forged bodies for a signed source. Past it, one entry a minute (the
 * tally's window) says how many more were refused unkept.
 */
export const REFUSALS_KEPT_PER_HOUR = 512 * 1024;
/** What a refusal's row and its search index take besides its headers and body, about. */
const ROW_BYTES = 1024;

/**
 * The listener senders post to: `POST /in/:token` and `GET /healthz`, nothing
 * else. It answers 200 only once the event is committed (see EventWriter), and
 * every refusal gets a status, a sentence, and an entry in the live log.
 */
export async function startIntake(
  deps: IntakeDeps,
  host: string,
  port: number,
  { behindTunnel = false }: IntakeListenOptions = {},
): Promise<IntakeListener> {
  const limits = deps.slowClients ?? slowClientLimits({});
  const app = Fastify({
    logger: false,
    // `request.ip` is the sender: the socket's address, or behind the tunnel what the agent says it is.
    trustProxy: behindTunnel ? trustTheAgentOnly : false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...timeoutOptions(limits),
    // A sender's form that adds a slash to the pasted address (`/in/<token>/`) still reaches its source.
    routerOptions: { ignoreTrailingSlash: true },
    // Fastify's own answer to an address it cannot decode says the address back; ours is a fixed sentence.
    frameworkErrors: (_error, _request, reply: FastifyReply) => {
      void reply.code(400).send({ error: refusal(400, 'intake.badAddress').message });
    },
    // Node's own refusals, before any route: a sentence for the sender, and a line in the live log.
    clientErrorHandler: sentenceForClientErrors(
      (problem) => clientRefusal(problem, limits.requestMs).message,
      (problem, _status, socket) => noteClientError(problem, socket),
    ),
  });
  const sourceOf = new WeakMap<FastifyRequest, IntakeSource>();
  const { traces, keptPerHour, verifiedPerSource, failuresPerAddress, capNotices, tally, bodies } =
    deps.counts ?? new IntakeCounts(limits.tallyMs);
  /** Each request's share of the body budget, given back once its answer is sent or its connection closes. */
  const holdOf = new WeakMap<IncomingMessage, BodyHold>();
  const hangUps = new HangUps();
  /** The source a connection's request in progress is for, so a request cut off for slowness is listed under it. */
  const sourceOfSocket = new WeakMap<Socket, IntakeSource>();
  /** Behind the tunnel, the sender of a connection's request in progress: the socket's address is the agent's. */
  const senderOfSocket = new WeakMap<Socket, string>();
  /** Who a request's limits are counted for: its address, or behind the tunnel its sender (an IPv6 sender by its /64). */
  const limitedAs = (request: FastifyRequest) => (behindTunnel ? senderKey(request.ip) : request.ip);
  const addressOf = (socket: Socket) =>
    behindTunnel ? (senderOfSocket.get(socket) ?? TUNNEL_AGENT) : (socket.remoteAddress ?? 'unknown');
  app.addHook('preClose', (done) => {
    hangUps.dropAll();
    done();
  });

  /** Writes down a refusal that has no request to go with (a closed connection, a request cut off), counted per address. */
  const tallied = (key: string, address: string, source: IntakeSource | null, refused: (count: number) => Refusal) =>
    tally.count(
      `${key} ${address} ${source?.id ?? ''}`,
      (count) => void record(connectionRejection(address, source, refused(count))),
    );

  const record = (event: NewEvent) =>
    deps.writer.write(event).then(
      ({ searchText }) => deps.live.publish({ type: 'event', event: listItemOf(event), searchText }),
      (error: unknown) => deps.log.error({ err: error }, 'could not record a rejected request'),
    );

  const capped = (address: string) => {
    tallied('cap', address, null, (count) =>
      // No answer was sent: the connection was closed before a byte of it was read (behind the tunnel, of its body).
      refusal(0, 'intake.tooManyConnections', { address, limit: limits.connectionsPerAddress, count }),
    );
    if (capNotices.hit(address).count === 1)
      deps.live.notice('warn', 'notice.connectionsCapped', { address, limit: limits.connectionsPerAddress });
  };
  if (behindTunnel) {
    const underWay = new RequestsPerSender(limits.connectionsPerAddress);
    // First of the hooks, for every route: a sender at its cap is turned away before anything else is done for it.
    app.addHook('onRequest', async (request, reply) => {
      const sender = limitedAs(request);
      const giveBack = underWay.take(sender);
      if (!giveBack) {
        capped(sender);
        request.raw.socket.destroy();
        return reply.hijack();
      }
      senderOfSocket.set(request.raw.socket, sender);
      reply.raw.once('close', giveBack);
      reply.raw.once('finish', giveBack);
    });
  } else capConnectionsPerAddress(app.server, limits.connectionsPerAddress, capped);

  const tooLarge = () => {
    const limit = deps.settings().bodyLimitBytes;
    const size =
      limit < 1024 * 1024 ? `${Math.round(limit / 1024)} KB` : `${Number((limit / 1024 / 1024).toFixed(1))} MB`;
    return refusal(413, 'intake.tooLarge', { size });
  };

  /** A source deleted while a request for it was on its way has nothing left to list the request under. */
  const stillThere = (source: IntakeSource | null | undefined) =>
    source && deps.sources.get(source.id) ? source : null;

  /** `findable`: a body refused for its key, found by what it names (see findable-refusal.ts). */
  const reject = (
    request: FastifyRequest,
    reply: FastifyReply,
    refused: Refusal,
    body: Buffer | null = null,
    findable = false,
  ) => {
    const source = stillThere(sourceOf.get(request));
    const key = source?.id ?? 'unknown';
    const kept = body && body.subarray(0, REJECTED_BODY_KEPT);
    if (traces.hit(key).count <= TRACES_PER_WINDOW) {
      const keeps = ROW_BYTES + headerBytes(request) + (kept?.length ?? 0);
      if (keptPerHour.add(key, keeps).count <= REFUSALS_KEPT_PER_HOUR) {
        const event = newEvent(request, source, {
          type: source ? eventTypeOf(source.kind, request.headers, null).type : 'unknown',
          sender: source?.kind ?? 'generic',
          status: 'rejected',
          httpStatus: refused.status,
          reason: refused.message,
          rejection: refused.reason,
          body: kept,
          parsed: null,
        });
        void record(findable && kept ? findableRefusal(event, kept) : event);
      } else {
        const kb = REFUSALS_KEPT_PER_HOUR / 1024;
        tally.count(`unkept ${key}`, (count) => {
          const unkept = refusal(refused.status, 'intake.refusalsNotKept', { kb, count, address: request.ip });
          void record(connectionRejection(request.ip, source, unkept));
        });
      }
    }
    deps.log.debug({ status: refused.status, reason: refused.message, source: source?.name }, 'request rejected');
    return answer(request, reply, refused);
  };

  /** Sends a refusal's answer, with what its status asks of the connection. */
  const answer = (request: FastifyRequest, reply: FastifyReply, refused: Refusal) => {
    // A body refused unread (or cut off) is not drained: the connection closes once the answer is out.
    if (!request.raw.complete) {
      void reply.header('connection', 'close');
      reply.raw.once('finish', () => hangUps.afterAnswer(request.raw));
    }
    if (refused.status === 429 || refused.status === 503)
      void reply.header('retry-after', String(refused.reason.params.seconds));
    // The body process is full or the engine is stopping: the sender comes back later, on a new connection, and a
    // stopping engine does not wait out this one's keep-alive.
    if (refused.status === 503) void reply.header('connection', 'close');
    return reply.code(refused.status).send({ error: refused.message });
  };

  /**
   * A body the budget has no room for: answered 503 unread, and written down once a minute per address, since a
   * flood of them is what fills the budget.
   */
  const overBudget = (request: FastifyRequest, reply: FastifyReply) => {
    const address = limitedAs(request);
    const mb = Math.round(bodies.bytes / 1024 / 1024);
    tallied('budget', address, stillThere(sourceOf.get(request)), (count) =>
      refusal(503, 'intake.bodiesFullFrom', { address, mb, count }),
    );
    return answer(request, reply, refusal(503, 'intake.bodiesFull', { mb, seconds: 10 }));
  };

  app.removeAllContentTypeParsers();
  // The limit is the merchant's setting at the moment the body arrives, applied while it streams.
  app.addContentTypeParser('*', (request, payload, done) =>
    readBodyWithin(payload, deps.settings().bodyLimitBytes, holdOf.get(request.raw)!, done),
  );

  app.addHook('onRequest', async (request, reply) => {
    const hold = bodies.hold(behindTunnel);
    holdOf.set(request.raw, hold);
    reply.raw.once('finish', () => hold.release());
    reply.raw.once('close', () => hold.release());
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== INTAKE_ROUTE) return;
    const source = deps.sources.byToken((request.params as { token: string }).token);
    if (!source) return reject(request, reply, refusal(404, 'intake.unknownToken'));
    sourceOf.set(request, source);
    sourceOfSocket.set(request.raw.socket, source);
    const announced = Number(request.headers['content-length']);
    if (announced > deps.settings().bodyLimitBytes) return reject(request, reply, tooLarge());
    // An announced body is covered before a byte of it is read: past the budget it is never read at all.
    if (announced > 0 && !holdOf.get(request.raw)!.cover(announced)) return overBudget(request, reply);
  });

  app.addHook('onResponse', (request, _reply, done) => {
    sourceOfSocket.delete(request.raw.socket);
    senderOfSocket.delete(request.raw.socket);
    done();
  });

  /** A request Node refused before any route (see clientErrorHandler above), written down once a minute per address. */
  function noteClientError(problem: ClientProblem, socket: Socket): void {
    const address = addressOf(socket);
    tallied(problem, address, stillThere(sourceOfSocket.get(socket)), (count) =>
      problem === 'timeout'
        ? refusal(408, 'intake.tooSlow', { address, seconds: limits.requestMs / 1000, count })
        : problem === 'headers'
          ? refusal(431, 'intake.headersTooLargeFrom', { address, count })
          : problem === 'http2'
            ? refusal(505, 'intake.http2From', { address, count })
            : refusal(400, 'intake.notHttpFrom', { address, count }),
    );
  }

  // Node answers an `Expect` other than 100-continue with a bare 417 before any route: said here, and listed.
  app.server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const address = addressOf(request.socket);
    const token = /^\/in\/([^/?]+)/.exec(request.url ?? '')?.[1];
    tallied('expect', address, token ? deps.sources.byToken(token) : null, (count) =>
      refusal(417, 'intake.expectationFrom', { address, count }),
    );
    const body = JSON.stringify({
      error: refusal(417, 'intake.expectation', { expect: String(request.headers.expect) }).message,
    });
    response
      .writeHead(417, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        connection: 'close',
      })
      .end(body);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error instanceof BodyBudgetError) return overBudget(request, reply);
    if (status === 413) return reject(request, reply, tooLarge());
    // Fastify refuses a Content-Type it cannot read (`;;;===`, an empty one, `json`) before any parser, in its words.
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reject(
        request,
        reply,
        refusal(415, 'intake.contentTypeUnreadable', {
          contentType: headerValue(request.headers, 'content-type') ?? '',
        }),
      );
    if (status >= 400 && status < 500)
      return reject(request, reply, refusal(status, 'intake.unreadable', { problem: error.message }));
    deps.log.error({ err: error }, 'intake failed');
    return reply
      .code(500)
      .send({ error: 'Hookferry failed while taking this event and did not keep it. Please send it again.' });
  });

  app.setNotFoundHandler((request, reply) => {
    // A source's own address opened in a browser: the sender's developer is told to POST, not that it is wrong.
    const token = /^\/in\/([^/?]+)\/?(\?|$)/.exec(request.url)?.[1];
    const source = token ? deps.sources.byToken(token) : null;
    if (token && openedInBrowser(request.method, request.headers.accept)) {
      if (source) void reply.header('allow', 'POST');
      return reply
        .code(source ? 405 : 404)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .type('text/html; charset=utf-8')
        .send(browserPage(source, request.headers['accept-language']));
    }
    if (source)
      return reply
        .code(405)
        .header('allow', 'POST')
        .send({ error: refusal(405, 'intake.postOnly').message });
    return reply
      .code(404)
      .send({ error: 'Hookferry takes webhooks at /in/<token> only: POST each one to a source’s intake URL.' });
  });

  // `probe` is said back, so the public address check knows it reached this engine (own-check.ts).
  app.get('/healthz', (request, reply) => {
    const { probe } = request.query as { probe?: unknown };
    return reply.send(typeof probe === 'string' && probe.length <= 64 ? { ok: true, probe } : { ok: true });
  });

  app.post(INTAKE_ROUTE, async (request, reply) => {
    const source = sourceOf.get(request)!;
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const contentType = headerValue(request.headers, 'content-type');
    const kind = senderOf(source.kind);
    if (kind.isAddressCheck?.(request.headers, raw)) {
      deps.live.notice('info', 'notice.addressChecked', { sender: kind.label.en, source: source.name });
      return { ping: true };
    }
    const failure = verificationFailure(source.active, request.headers, raw);
    if (failure) {
      const address = limitedAs(request);
      const failures = failuresPerAddress.hit(address);
      const tooMany = failures.count > FAILED_VERIFICATIONS_PER_MINUTE;
      return reject(
        request,
        reply,
        tooMany ? refusal(429, 'intake.tooManyFailures', { address, seconds: secondsOf(failures.resetInMs) }) : failure,
        raw,
        !tooMany,
      );
    }
    // A destination pointed at this intake (its address, the LAN or the public one) would send each event around
    // again without end when a transformation makes each copy new; 410 fails that delivery at once, with the why.
    const echoed = headerValue(request.headers, 'webhook-id');
    if (echoed?.startsWith('evt_') && deps.ownEvent(echoed))
      return reject(request, reply, refusal(410, 'intake.ownEvent', { id: echoed }));
    const perMinute = deps.settings().rateLimitPerMinute;
    const verified = verifiedPerSource.hit(source.id);
    if (verified.count > perMinute)
      return reject(
        request,
        reply,
        refusal(429, 'intake.rateLimited', { perMinute, seconds: secondsOf(verified.resetInMs) }),
      );
    const compressed = compressedRefusal(raw, contentType, headerValue(request.headers, 'content-encoding'));
    if (compressed) return reject(request, reply, compressed, raw);
    let event: NewEvent;
    if (raw.length >= LARGE_BODY_BYTES && deps.largeBodies?.available) {
      const read = await readLarge(request, source, raw, deps.largeBodies, deps.settings().bodyLimitBytes);
      if (!read.ok) return reject(request, reply, read.refusal, raw);
      event = read.event;
    } else {
      const body = parseBody(raw, contentType, partsAllowed(deps.settings().bodyLimitBytes));
      if (!body.ok) return reject(request, reply, body.refusal, raw);
      const { type, sender } = eventTypeOf(source.kind, request.headers, body.parsed);
      event = newEvent(request, source, {
        type,
        sender,
        status: 'received',
        httpStatus: 200,
        reason: null,
        rejection: null,
        body: raw,
        parsed: body.parsed,
        storedOrder: deps.storedOrder && ((orderId) => deps.storedOrder!(source.id, orderId)),
      });
    }
    let result;
    try {
      result = await deps.writer.write(event);
    } catch (error) {
      // Deleted while the body was arriving: the sender is told what is true now, not that the disk failed.
      if (!stillThere(source)) return reject(request, reply, refusal(404, 'intake.unknownToken'));
      deps.log.error({ err: error }, 'could not store an event; the sender was asked to retry');
      deps.live.notice('error', 'notice.saveFailed');
      return reply.code(503).send({
        error:
          'Hookferry could not save this event right now (disk full or database error). Please send it again later.',
      });
    }
    if (result.duplicate) {
      // An open drawer of the original says how many times the sender sent it: told, it counts this one too.
      deps.live.publish({ type: 'duplicate', eventId: result.id });
      return { id: result.id, duplicate: true };
    }
    deps.live.publish({
      type: 'event',
      event: listItemOf(event, result.status, result.waits),
      searchText: result.searchText,
    });
    return { id: result.id };
  });

  const address = await app.listen({ host, port });
  deps.log.info({ address }, behindTunnel ? 'tunnel intake listening' : 'intake listening');
  const bound = app.server.address();
  return {
    get url() {
      return urlOf(bound, address);
    },
    close: () => app.close(),
  };
}

/**
 * A large body's event, read in the body process: meanwhile the engine answers other requests and moves
 * deliveries. The event carries what the process derived instead of the parsed body.
 */
async function readLarge(
  request: FastifyRequest,
  source: IntakeSource,
  raw: Buffer,
  reader: LargeBodyReader,
  bodyLimitBytes: number,
): Promise<{ ok: true; event: NewEvent } | { ok: false; refusal: Refusal }> {
  const id = newId('evt');
  const read = await reader.read(
    {
      eventId: id,
      sourceId: source.id,
      kind: source.kind,
      headers: request.headers,
      contentType: headerValue(request.headers, 'content-type'),
      maxParts: partsAllowed(bodyLimitBytes),
      raw,
    },
    bodyLimitBytes,
  );
  if (!read.ok) return read;
  const event = newEvent(request, source, {
    id,
    type: read.type,
    sender: source.kind,
    status: 'received',
    httpStatus: 200,
    reason: null,
    rejection: null,
    body: raw,
    parsed: null,
    summary: read.summary,
    derived: read.derived,
  });
  return { ok: true, event };
}

/** The request's header lines as they came, in bytes: what a refusal keeps of them at most. */
function headerBytes(request: FastifyRequest): number {
  return request.raw.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Every event is built as one literal with its fields in the same order (here and in connectionRejection), so
 * V8 gives them all one shape: a spread of a rest object made a new shape per request, and every read of an
 * event after it a slow lookup.
 */
function newEvent(
  request: FastifyRequest,
  source: IntakeSource | null,
  fields: Pick<NewEvent, 'type' | 'status' | 'httpStatus' | 'reason' | 'rejection' | 'body' | 'parsed'> & {
    sender: SourceKind;
    /** Set when the body process read the body: the id its search text names, and what it derived. */
    id?: string;
    /** Where the summary finds an order line's order (see summarize). */
    storedOrder?: StoredOrderOf | undefined;
    summary?: string;
    derived?: DerivedBody;
  },
): NewEvent {
  const secretHeaders =
    source && source.active.type !== 'none' ? [...senderSecretHeaders, source.active.header] : senderSecretHeaders;
  return {
    id: fields.id ?? newId('evt'),
    sourceId: source?.id ?? null,
    sourceName: source?.name ?? null,
    type: fields.type,
    status: fields.status,
    receivedAt: Date.now(),
    httpStatus: fields.httpStatus,
    reason: fields.reason,
    rejection: fields.rejection,
    headers: redactHeaders(request.headers, secretHeaders),
    contentType: headerValue(request.headers, 'content-type') ?? null,
    body: fields.body,
    parsed: fields.parsed,
    summary:
      fields.summary ??
      (fields.status === 'rejected'
        ? bounded(`${fields.type} · ${fields.reason}`)
        : summarize(fields.sender, fields.type, fields.parsed, fields.storedOrder)),
    providerEventId: providerEventIdOf(request.headers),
    signed: fields.status !== 'rejected' && source?.active.type === 'hmac',
    remoteAddress: request.ip,
    derived: fields.derived ?? null,
  };
}

/** A refusal of a connection rather than of a request: no headers or body to keep, the address it came from. */
/** What the sender is answered when Node refused its request before any route. */
function clientRefusal(problem: ClientProblem, requestMs: number): Refusal {
  if (problem === 'timeout') return refusal(408, 'intake.timedOut', { seconds: requestMs / 1000 });
  if (problem === 'http2') return refusal(505, 'intake.http2');
  return problem === 'headers' ? refusal(431, 'intake.headersTooLarge') : refusal(400, 'intake.notHttp');
}

function connectionRejection(address: string, source: IntakeSource | null, refused: Refusal): NewEvent {
  return {
    id: newId('evt'),
    sourceId: source?.id ?? null,
    sourceName: source?.name ?? null,
    type: 'unknown',
    status: 'rejected',
    receivedAt: Date.now(),
    httpStatus: refused.status,
    reason: refused.message,
    rejection: refused.reason,
    headers: {},
    contentType: null,
    body: null,
    parsed: null,
    summary: bounded(`unknown · ${refused.message}`),
    providerEventId: null,
    signed: false,
    remoteAddress: address,
    derived: null,
  };
}

/**
 * `status` is what the commit made of it: pending when it has destinations; a new event is named by its status.
 * `waits`: what it came to wait for (see eventWaits).
 */
function listItemOf(event: NewEvent, status = event.status, waits: EventWaits = null): EventListItem {
  return {
    id: event.id,
    sourceId: event.sourceId,
    sourceName: event.sourceName,
    type: event.type,
    status,
    outcome: status,
    receivedAt: new Date(event.receivedAt).toISOString(),
    summary: event.summary,
    httpStatus: event.httpStatus,
    reason: event.reason,
    rejection: event.rejection,
    bodySize: event.body?.length ?? 0,
    duplicates: 0,
    test: false,
    heldBehind: waits === 'behind',
    waitsPaused: waits === 'paused',
  };
}

/**
 * The base URL senders use. Listening on every address (the shop's network), it is this PC's address on that
 * network, which works from this PC too: 127.0.0.1 there would send a POS on the network to itself.
 */
function urlOf(bound: ReturnType<Server['address']>, fallback: string): string {
  if (!bound || typeof bound === 'string') return fallback;
  const host = addressForSenders(bound.address);
  return `http://${host.includes(':') ? `[${host}]` : host}:${bound.port}`;
}
