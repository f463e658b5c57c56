import { existsSync } from 'node:fs';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { BusyError, ConflictError, InvalidInputError, NotFoundError, refusedFor } from '../lib/errors.js';
import type { AdminContext } from './context.js';
import { DASHBOARD_HEADERS, dashboardCsp } from './dashboard-headers.js';
import { canonicalTarget, createGuard, SIGN_IN_AGAIN } from './guard.js';
import { configHandlers } from './routes/config.js';
import { destinationHandlers } from './routes/destinations.js';
import { eventHandlers } from './routes/events.js';
import { registerExport } from './routes/export.js';
import { senderCatalogHandlers } from './routes/sender-catalog.js';
import { settingsHandlers, withSamePorts } from './routes/settings.js';
import { sourceHandlers } from './routes/sources.js';
import { registerStream } from './routes/stream.js';
import { registerRoutes } from './typed-route.js';
import { sentenceAnswer, validationAnswer } from './validation-answer.js';
import { parseAdminJson } from './json-body.js';
import { sentenceForClientErrors } from '../lib/client-error.js';

export interface AdminOptions {
  port: number;
  token: string;
  /** The built dashboard, served at `/` when present. */
  rendererDir: string | null;
  /** Origins besides our own that may call (the desktop shell's page). */
  trustedOrigins: string[];
}

export interface AdminServer {
  url: string;
  close(): Promise<void>;
}

const badAddress = () => new InvalidInputError(refusedFor('admin.badAddress'));

/** The dashboard and the admin API, on loopback only. */
export async function startAdmin(ctx: AdminContext, options: AdminOptions): Promise<AdminServer> {
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    bodyLimit: 10 * 1024 * 1024,
    rewriteUrl: (request) => canonicalTarget(request.url ?? '/'),
    // Fastify's own answer to an address it cannot decode says the address back; ours is a fixed sentence.
    frameworkErrors: (_error, _request, reply: FastifyReply) => {
      void reply.code(400).send(sentenceAnswer(badAddress()));
    },
    // Node's own refusals, before any route (oversized cookies, a request cut off, bytes that are no HTTP).
    clientErrorHandler: sentenceForClientErrors(
      (problem) =>
        refusedFor(
          problem === 'timeout' ? 'admin.timedOut' : problem === 'headers' ? 'admin.headersTooLarge' : 'admin.notHttp',
        ).text,
    ),
    // Every spelling of an admin path finds its route, and with it the token check.
    routerOptions: {
      caseSensitive: false,
      ignoreDuplicateSlashes: true,
      ignoreTrailingSlash: true,
    },
  });
  parseAdminJson(app);
  const boundPort = () => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : options.port;
  };
  const guard = createGuard(boundPort, options.token, options.trustedOrigins);
  // The desktop window's page (app://hookferry) is another origin: its preflights are answered before the token check.
  await app.register(fastifyCors, {
    origin: options.trustedOrigins,
    allowedHeaders: ['authorization', 'content-type'],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });

  app.addHook('onRequest', async (request, reply) => {
    const foreign = guard.foreignCaller(request.headers.host, request.headers.origin);
    if (foreign) return reply.code(403).send({ error: foreign });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ZodError) return reply.code(400).send(validationAnswer(withSamePorts(ctx, request, error)));
    if (error instanceof InvalidInputError) return reply.code(400).send(validationAnswer(error));
    if (error instanceof NotFoundError) return reply.code(404).send(sentenceAnswer(error));
    if (error instanceof ConflictError) return reply.code(409).send(sentenceAnswer(error));
    if (error instanceof BusyError)
      return reply.code(429).header('retry-after', String(error.retryAfterSeconds)).send(sentenceAnswer(error));
    // The dashboard's files refuse a crafted name (`/index.html%00.js`) as forbidden: for the reader, no such page.
    if (error.statusCode === 403 || error.statusCode === 404)
      return reply.code(404).send(sentenceAnswer(new NotFoundError(refusedFor('admin.noSuchPage'))));
    if (error.statusCode && error.statusCode < 500)
      return reply.code(error.statusCode).send({ error: `The request could not be read: ${error.message}` });
    ctx.log.error({ err: error }, 'admin call failed');
    return reply
      .code(500)
      .send({ error: 'Something went wrong inside Hookferry. The details are in the log file; please try again.' });
  });

  // Fastify's own 404 says the method and path back; nothing a request carries is echoed in an answer. A webhook
  // posted to this port by mistake (a POS set up with the dashboard's address) is told where intake listens.
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        sentenceAnswer(
          new NotFoundError(
            /^\/in(\/|$)/.test(request.url)
              ? refusedFor('admin.intakeOnDashboardPort', { intake: ctx.ingestUrl() })
              : refusedFor('admin.noSuchPage'),
          ),
        ),
      ),
  );

  // The admin API in a scope of its own: its hook runs for every route in it (whatever path spelling found
  // the route), including the catch-all, so a path under /api that names no call is refused alike.
  await app.register((api, _options, done) => {
    api.addHook('onRequest', async (request, reply) => {
      if (!guard.tokenMatches(request.headers.authorization)) return reply.code(401).send({ error: SIGN_IN_AGAIN });
    });
    registerRoutes(api, {
      ...sourceHandlers(ctx),
      ...eventHandlers(ctx),
      ...destinationHandlers(ctx),
      ...settingsHandlers(ctx),
      ...configHandlers(ctx),
      ...senderCatalogHandlers(),
    });
    registerStream(api, ctx);
    registerExport(api, ctx);
    const noSuchCall = () => {
      throw new NotFoundError(refusedFor('admin.noSuchCall'));
    };
    api.all('/api', noSuchCall);
    api.all('/api/*', noSuchCall);
    done();
  });
  // Only the dashboard's own files are open: they hold no data.
  if (options.rendererDir && existsSync(options.rendererDir)) {
    const csp = dashboardCsp();
    await app.register(fastifyStatic, {
      root: options.rendererDir,
      index: 'index.html',
      setHeaders: (reply) => {
        reply.headers({ 'content-security-policy': csp, ...DASHBOARD_HEADERS });
      },
    });
  }

  const address = await app.listen({ host: '127.0.0.1', port: options.port });
  ctx.log.info({ address }, 'admin API listening');
  return { url: address, close: () => app.close() };
}
