import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../main/i18n/en.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A receiver that read the whole order, then answered with something Node's HTTP parser refuses: the try fails and
 * is tried again as any other, but says the destination may have the event (as a connection cut after sending
 * does), on the try and on the Failed page, so nobody resends it unwarned. An answer that is not HTTP at all (a
 * wrong port) is still said as that.
 */

const quick = { maxAttempts: 2, initialDelayMs: 200, multiplier: 1, maxDelayMs: 1000 };

let serve: ServeProcess;
let pos: string;
const servers: Server[] = [];

beforeAll(async () => {
  serve = await startServe(tempDir());
  pos = await serve.posUrl();
});
afterAll(async () => {
  for (const server of servers) server.close();
  await serve.stop();
});

/**
 * A destination's own server on raw TCP: it reads each request whole (its headers and `Content-Length` bytes of
 * body), writes it down in `seen` by its `webhook-id`, then does what `answer` does on the socket.
 */
async function rawReceiver(answer: (socket: Socket) => void): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => {});
    let read = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      read = Buffer.concat([read, chunk]);
      const headEnd = read.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const head = read.subarray(0, headEnd).toString('latin1');
      const length = Number(/^content-length:\s*(\d+)/im.exec(head)?.[1] ?? 0);
      if (read.length < headEnd + 4 + length) return;
      seen.push(/^webhook-id:\s*(\S+)/im.exec(head)?.[1] ?? '');
      read = Buffer.alloc(0);
      answer(socket);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, seen };
}

let types = 0;
async function orderTo(url: string) {
  const type = `order.unreadable${++types}`;
  const created = await serve.api('createDestination', {
    body: { name: `Unreadable ${type}`, url, events: [type], retry: quick },
  });
  const { json } = await post(pos, teamcropOrderRaw, { 'content-type': 'application/json', 'Tc-Webhook-Event': type });
  return { eventId: String(json.id), destinationId: created.id };
}

async function failed(eventId: string) {
  return waitUntil(async () => {
    const event = await serve.api('getEvent', { params: { id: eventId } });
    return event.status === 'failed' ? event : null;
  }, `event ${eventId} failing`);
}

const ANSWERS = {
  'a 100 KB header': `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(100 * 1024)}\r\nContent-Length: 2\r\n\r\nok`,
  'Content-Length: abc': 'HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nok',
  'two different Content-Length headers': 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok',
  'a NUL byte in a header': 'HTTP/1.1 200 OK\r\nX-Note: a\0b\r\nContent-Length: 2\r\n\r\nok',
  // An informational answer first: an HTTP server answered, whatever breaks after it (before: "not HTTP at all").
  '100 Continue, then garbage': 'HTTP/1.1 100 Continue\r\n\r\nSSH-2.0-OpenSSH_9.2\r\n',
  '103 Early Hints, then garbage': 'HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nGARBAGE NOT HTTP',
};

describe('an answer Node cannot read, after the whole order was sent (real serve, raw TCP receivers)', () => {
  it.each(Object.entries(ANSWERS))(
    '%s: fails, is tried again, and says the destination may have it',
    async (_, text) => {
      const receiver = await rawReceiver((socket) => socket.end(text));
      const { eventId, destinationId } = await orderTo(receiver.url);
      const event = await failed(eventId);
      // The receiver's log: it read the order whole, at both tries.
      expect(receiver.seen).toEqual([eventId, eventId]);
      const host = new URL(receiver.url).host;
      // Before: 'delivery.notHttp' at both tries, "…not an HTTP answer. Check the destination's address and its port."
      expect(event.deliveries[0]!.attempts).toMatchObject([
        {
          category: 'network',
          reason: { code: 'delivery.unreadableSent', params: { host } },
          error: expect.stringContaining('The event was sent, so the destination may have received it all the same'),
        },
        {
          reason: { code: 'delivery.unreadableSentLast', params: { host } },
          error: expect.stringMatching(
            /that was the last try\. .* look there before you resend it, or it may get it twice\.$/,
          ),
        },
      ]);
      const view = await serve.api('failedView', { query: { rows: 10 } });
      const group = view.destinations.find((entry) => entry.destinationId === destinationId)!;
      expect(group.reasons).toMatchObject([
        {
          reason: { code: 'delivery.unreadableSentLast' },
          lastError: event.deliveries[0]!.lastError,
          rows: [{ eventId }],
        },
      ]);
    },
  );

  it('warns on the Failed page in the words a connection cut after sending does; a wrong port is said as before', async () => {
    const cut = await rawReceiver((socket) => socket.resetAndDestroy());
    const broken = await rawReceiver((socket) => socket.end(ANSWERS['Content-Length: abc']));
    const greeting = createServer((socket) => {
      socket.on('error', () => {});
      socket.end('SSH-2.0-OpenSSH_9.2\r\n');
    });
    servers.push(greeting);
    await new Promise<void>((resolve) => greeting.listen(0, '127.0.0.1', resolve));
    const cutOrder = await orderTo(cut.url);
    const brokenOrder = await orderTo(broken.url);
    const wrongPort = await orderTo(`http://127.0.0.1:${(greeting.address() as AddressInfo).port}/hook`);
    for (const { eventId } of [cutOrder, brokenOrder]) await failed(eventId);
    const view = await serve.api('failedView', { query: { rows: 10 } });
    const groupOf = (destinationId: string) =>
      view.destinations.find((entry) => entry.destinationId === destinationId)!.reasons;
    const warning = /may have received it all the same: look there before you resend it, or it may get it twice\.$/;
    expect(groupOf(cutOrder.destinationId)).toMatchObject([
      { reason: { code: 'delivery.resetSentLast' }, lastError: expect.stringMatching(warning) },
    ]);
    expect(groupOf(brokenOrder.destinationId)).toMatchObject([
      { reason: { code: 'delivery.unreadableSentLast' }, lastError: expect.stringMatching(warning) },
    ]);
    // A test event is tried once: its sentence promises no other try.
    expect(en.testReasons.delivery.unreadableSentLast).toMatch(
      /may have received it all the same; a test is not sent again\.$/,
    );

    // A server speaking another protocol first (an SSH banner) is a wrong address or port, said as before.
    const wrong = await failed(wrongPort.eventId);
    expect(wrong.deliveries[0]!.attempts.map((attempt) => attempt.reason?.code)).toEqual([
      'delivery.notHttp',
      'delivery.notHttp',
    ]);
  });
});
