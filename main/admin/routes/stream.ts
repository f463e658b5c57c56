import type { FastifyInstance } from 'fastify';
import { STREAM_PATH } from '../../api/contract.js';
import type { AdminContext } from '../context.js';

const HEARTBEAT_MS = 15_000;

/** `GET /api/stream`: the live log as server-sent events, one JSON StreamMessage per `data:` line. */
export function registerStream(app: FastifyInstance, ctx: AdminContext): void {
  app.get(STREAM_PATH, (request, reply) => {
    reply.hijack();
    const out = reply.raw;
    // A hijacked reply writes its own head: carry over what the hooks set (CORS for the desktop window).
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) out.setHeader(name, value);
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    out.write('retry: 3000\n\n');
    const unsubscribe = ctx.live.subscribe((message) => out.write(`data: ${JSON.stringify(message)}\n\n`));
    const heartbeat = setInterval(() => out.write(': still here\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
