import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Server } from 'node:net';
import { type EventListItem, MAX_BODY_LIMIT_BYTES, type Settings, type SourceKind } from '../api/contract.js';
import type { LiveLog } from '../live/live-log.js';
import type { EventWriter, NewEvent } from '../store/events-write.js';
import { newId } from '../store/ids.js';
import type { IntakeSource, SourceStore } from '../store/sources.js';
import { redactHeaders } from '../lib/redact.js';
import { eventTypeOf, providerEventIdOf } from './event-type.js';
import { headerValue } from './headers.js';
import { parseBody } from './parse-body.js';
import { RejectionTraceLimiter } from './rejection-trace.js';
import { senderOf, senderSecretHeaders } from './senders/index.js';
import { summarize } from './summary.js';
import { verificationFailure } from './verify.js';

export interface IntakeDeps {
  sources: SourceStore;
  writer: EventWriter;
  live: LiveLog;
  log: Logger;
  settings: () => Settings['intake'];
}

export interface IntakeListener {
  url: string;
  close(): Promise<void>;
}

export const INTAKE_ROUTE = '/in/:token';
/** A rejected body is kept up to this size, enough to see what was wrong with it. */
const REJECTED_BODY_KEPT = 64 * 1024;

/**
 * The listener senders post to: `POST /in/:token` and `GET /healthz`, nothing
 * else. It answers 200 only once the event is committed (see EventWriter), and
 * every refusal gets a status, a sentence, and an entry in the live log.
 */
export async function startIntake(deps: IntakeDeps, host: string, port: number): Promise<IntakeListener> {
  // The limit a merchant sets is checked per request (below), so it applies without a restart;
  // Fastify's own limit is only the ceiling the setting may reach.
  const app = Fastify({
    bodyLimit: MAX_BODY_LIMIT_BYTES,
    logger: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const sourceOf = new WeakMap<FastifyRequest, IntakeSource>();
  const traces = new RejectionTraceLimiter();

  const tooLarge = () => {
    const limit = deps.settings().bodyLimitBytes;
    const size =
      limit < 1024 * 1024 ? `${Math.round(limit / 1024)} KB` : `${Number((limit / 1024 / 1024).toFixed(1))} MB`;
    return `The body is larger than the ${size} limit. If this sender really sends events this large, raise the limit in Settings.`;
  };

  const reject = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    reason: string,
    body: Buffer | null = null,
  ) => {
    const source = sourceOf.get(request) ?? null;
    if (traces.allow(source?.id ?? 'unknown')) {
      const event = newEvent(request, source, {
        type: source ? eventTypeOf(source.kind, request.headers, null).type : 'unknown',
        sender: source?.kind ?? 'generic',
        status: 'rejected',
        httpStatus: status,
        reason,
        body: body && body.subarray(0, REJECTED_BODY_KEPT),
        parsed: null,
      });
      deps.writer.write(event).then(
        () => deps.live.publish({ type: 'event', event: listItemOf(event) }),
        (error: unknown) => deps.log.error({ err: error }, 'could not record a rejected request'),
      );
    }
    deps.log.debug({ status, reason, source: source?.name }, 'request rejected');
    return reply.code(status).send({ error: reason });
  };

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== INTAKE_ROUTE) return;
    const source = deps.sources.byToken((request.params as { token: string }).token);
    if (!source)
      return reject(
        request,
        reply,
        404,
        'No source has this address. Copy the intake URL again from Hookferry → Sources.',
      );
    sourceOf.set(request, source);
    if (Number(request.headers['content-length']) > deps.settings().bodyLimitBytes)
      return reject(request, reply, 413, tooLarge());
  });

  await app.register(rateLimit, { global: false });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return reject(request, reply, 413, tooLarge());
    if (status === 429) return reject(request, reply, 429, error.message);
    if (status >= 400 && status < 500)
      return reject(request, reply, status, `The request could not be read: ${error.message}`);
    deps.log.error({ err: error }, 'intake failed');
    return reply
      .code(500)
      .send({ error: 'Hookferry failed while taking this event and did not keep it. Please send it again.' });
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: 'Hookferry takes webhooks at /in/<token> only.' }),
  );

  app.get('/healthz', (_request, reply) => reply.send({ ok: true }));

  app.post(
    INTAKE_ROUTE,
    {
      config: {
        rateLimit: {
          hook: 'preParsing',
          timeWindow: 60_000,
          max: () => deps.settings().rateLimitPerMinute,
          keyGenerator: (request: FastifyRequest) => sourceOf.get(request)?.id ?? 'unknown',
          errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) => ({
            statusCode: 429,
            message: `Too many requests from this source. Hookferry takes ${deps.settings().rateLimitPerMinute} a minute; try again in ${context.after}.`,
          }),
        },
      },
    },
    async (request, reply) => {
      const source = sourceOf.get(request)!;
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (raw.length > deps.settings().bodyLimitBytes) return reject(request, reply, 413, tooLarge());
      const contentType = headerValue(request.headers, 'content-type');
      const kind = senderOf(source.kind);
      if (kind.isAddressCheck?.(request.headers, raw)) {
        deps.live.notice('info', `${kind.label.en} checked the address of source “${source.name}”; it is reachable.`);
        return { ping: true };
      }
      const failure = verificationFailure(source.active, request.headers, raw);
      if (failure) return reject(request, reply, 401, failure, raw);
      const body = parseBody(raw, contentType);
      if (!body.ok) return reject(request, reply, 400, body.error, raw);
      const { type, sender } = eventTypeOf(source.kind, request.headers, body.parsed);
      const event = newEvent(request, source, {
        type,
        sender,
        status: 'received',
        httpStatus: 200,
        reason: null,
        body: raw,
        parsed: body.parsed,
      });
      let result;
      try {
        result = await deps.writer.write(event);
      } catch (error) {
        deps.log.error({ err: error }, 'could not store an event; the sender was asked to retry');
        deps.live.notice(
          'error',
          'An event could not be saved (the disk may be full). The sender was asked to send it again.',
        );
        return reply.code(503).send({
          error:
            'Hookferry could not save this event right now (disk full or database error). Please send it again later.',
        });
      }
      if (result.duplicate) return { id: result.id, duplicate: true };
      deps.live.publish({ type: 'event', event: { ...listItemOf(event), status: result.status } });
      return { id: result.id };
    },
  );

  const address = await app.listen({ host, port });
  deps.log.info({ address }, 'intake listening');
  return { url: urlOf(app.server.address(), address), close: () => app.close() };
}

function newEvent(
  request: FastifyRequest,
  source: IntakeSource | null,
  {
    sender,
    ...fields
  }: Pick<NewEvent, 'type' | 'status' | 'httpStatus' | 'reason' | 'body' | 'parsed'> & { sender: SourceKind },
): NewEvent {
  const secretHeaders =
    source && source.active.type !== 'none' ? [...senderSecretHeaders, source.active.header] : senderSecretHeaders;
  return {
    ...fields,
    id: newId('evt'),
    sourceId: source?.id ?? null,
    sourceName: source?.name ?? null,
    receivedAt: Date.now(),
    headers: redactHeaders(request.headers, secretHeaders),
    contentType: headerValue(request.headers, 'content-type') ?? null,
    summary:
      fields.status === 'rejected'
        ? `${fields.type} · ${fields.reason}`
        : summarize(sender, fields.type, fields.parsed),
    providerEventId: providerEventIdOf(request.headers),
    remoteAddress: request.ip,
  };
}

function listItemOf(event: NewEvent): EventListItem {
  return {
    id: event.id,
    sourceId: event.sourceId,
    sourceName: event.sourceName,
    type: event.type,
    status: event.status,
    receivedAt: new Date(event.receivedAt).toISOString(),
    summary: event.summary,
    httpStatus: event.httpStatus,
    reason: event.reason,
    bodySize: event.body?.length ?? 0,
    duplicates: 0,
  };
}

/** The base URL senders use; an all-interfaces bind is reported as loopback, which works from this PC. */
function urlOf(bound: ReturnType<Server['address']>, fallback: string): string {
  if (!bound || typeof bound === 'string') return fallback;
  const host =
    bound.address === '0.0.0.0' || bound.address === '::'
      ? '127.0.0.1'
      : bound.address.includes(':')
        ? `[${bound.address}]`
        : bound.address;
  return `http://${host}:${bound.port}`;
}
