import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll } from 'vitest';

export interface Received {
  at: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What the sink does with the n-th request (0-based) it gets. */
export type SinkAction =
  | { status: number; headers?: Record<string, string>; body?: string }
  | { hang: true }
  | { reset: true }
  | { delayMs: number; status: number }
  /** Answers once `until` settles: a try held on the wire for as long as a test needs, with no guess at a time. */
  | { until: Promise<unknown>; status: number };

export interface Sink {
  url: string;
  received: Received[];
  /** Most requests the sink was answering at one time. */
  maxConcurrent: () => number;
  script: (next: (request: Received, index: number) => SinkAction) => void;
  waitFor: (count: number, timeoutMs?: number) => Promise<Received[]>;
  close: () => Promise<void>;
}

const open: Sink[] = [];
afterAll(async () => {
  await Promise.all(open.splice(0).map((sink) => sink.close()));
});

/**
 * A scripted destination on 127.0.0.1: it records every request and answers
 * as told (a status, a hang, a connection reset, a slow answer). It stands in
 * for the outside world, over real HTTP. On a free port, or the one given (a machine that hands out port ranges).
 */
export async function startSink(port = 0): Promise<Sink> {
  const received: Received[] = [];
  let decide: (request: Received, index: number) => SinkAction = () => ({ status: 200, body: '{"ok":true}' });
  let concurrent = 0;
  let maxConcurrent = 0;
  const sockets = new Set<Socket>();
  const waiters: (() => void)[] = [];

  const server = createServer((request, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = {
        at: Date.now(),
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      const index = received.length;
      received.push(entry);
      for (const wake of waiters.splice(0)) wake();
      const action = decide(entry, index);
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      const done = () => concurrent--;
      if ('hang' in action) {
        response.on('close', done);
        return;
      }
      if ('reset' in action) {
        done();
        request.socket.resetAndDestroy();
        return;
      }
      const answer = () => {
        done();
        const headers = 'headers' in action ? action.headers : undefined;
        response.writeHead(action.status, { 'content-type': 'application/json', ...headers });
        response.end('body' in action && action.body !== undefined ? action.body : `{"status":${action.status}}`);
      };
      if ('delayMs' in action) setTimeout(answer, action.delayMs);
      else if ('until' in action) void action.until.finally(answer);
      else answer();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: listening } = server.address() as AddressInfo;

  const sink: Sink = {
    url: `http://127.0.0.1:${listening}/hook`,
    received,
    maxConcurrent: () => maxConcurrent,
    script: (next) => {
      decide = next;
    },
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`the sink got ${received.length} requests, not ${count}, within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.push(sink);
  return sink;
}
