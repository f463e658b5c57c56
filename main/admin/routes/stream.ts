import type { FastifyInstance } from 'fastify';
import { STREAM_HEARTBEAT_MS, STREAM_PATH } from '../../api/contract.js';
import type { AdminContext } from '../context.js';

/**
 * A reader (a dashboard tab in the background, a stuck client) that lets this
 * much pile up unread is dropped: its messages would otherwise be kept for it
 * for good. The browser's EventSource reconnects by itself, and the dashboard
 * reads the list again on reconnect.
 */
export const MAX_UNREAD_BYTES = 1024 * 1024;

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
    const send = (text: string) => {
      if (out.writableLength <= MAX_UNREAD_BYTES) return void out.write(text);
      ctx.log.warn({ unread: out.writableLength }, 'a live-log reader fell behind and was dropped');
      out.destroy();
    };
    send('retry: 3000\n\n');
    const unsubscribe = ctx.live.subscribeFrames(send);
    const heartbeat = setInterval(() => send(': still here\n\n'), STREAM_HEARTBEAT_MS);
    out.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
