import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Small untruths a black-box look found: a test event's result said "that was the last try" (a test has no tries),
 * an answer of HTTP 600 was said to be "a problem on its side", Zithara was called with got's User-Agent rather than
 * Hookferry's, and `0:0:0:0:0:0:0:0` was refused as the intake's address though `::`, the same address, was taken.
 */
const servers: { close(): unknown }[] = [];
afterAll(() => servers.forEach((server) => server.close()));

/** A receiver that reads one request head (and its body) and answers `answer` as raw bytes, keeping each head. */
async function rawReceiver(answer: string): Promise<{ url: string; heads: string[] }> {
  const heads: string[] = [];
  const server: Server = createServer((socket) => {
    socket.on('error', () => {});
    let read = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      read = Buffer.concat([read, chunk]);
      const headEnd = read.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const head = read.subarray(0, headEnd).toString('latin1');
      const length = Number(/^content-length:\s*(\d+)/im.exec(head)?.[1] ?? 0);
      if (read.length < headEnd + 4 + length) return;
      heads.push(head);
      socket.end(answer);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, heads };
}

describe('true small words (real serve)', () => {
  it('says a test event’s unreadable answer and an HTTP 600 as what they are', async () => {
    const serve = await startServe(tempDir());
    try {
      const test = async (url: string) => {
        const { id } = await serve.api('createDestination', { body: { name: url, url, events: ['*'] } });
        return serve.api('testDestination', { params: { id } });
      };
      const broken = await rawReceiver('HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nok');
      const host = new URL(broken.url).host;
      expect(await test(broken.url)).toMatchObject({
        ok: false,
        reason: { code: 'delivery.unreadableSentLast', params: { host } },
        error: `${host} answered the test event, but its answer breaks the rules of HTTP (a header too large or malformed, a wrong length), so Hookferry cannot read it. The destination may have received it all the same; a test is not sent again.`,
      });

      const odd = await rawReceiver('HTTP/1.1 600 Odd\r\nContent-Length: 0\r\n\r\n');
      expect(await test(odd.url)).toMatchObject({
        ok: false,
        httpStatus: 600,
        reason: { code: 'delivery.invalidStatus', params: { status: '600 Odd' } },
        error:
          'The destination answered 600 Odd, which is not an HTTP status (they run from 100 to 599), so Hookferry cannot tell whether it took the event. Check the destination’s address; if it is right, tell whoever runs it.',
      });
    } finally {
      await serve.stop();
    }
  });

  it('calls Zithara with Hookferry’s own User-Agent, as it calls webhooks', async () => {
    const agents: (string | undefined)[] = [];
    const zithara = createHttpServer((request, response) => {
      agents.push(request.headers['user-agent']);
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"no"}');
    });
    servers.push(zithara);
    await new Promise<void>((resolve) => zithara.listen(0, '127.0.0.1', resolve));
    const webhook = await rawReceiver('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    const serve = await startServe(tempDir());
    try {
      const crm = await serve.api('createDestination', {
        body: {
          name: 'Zithara',
          kind: 'zithara',
          url: `http://127.0.0.1:${(zithara.address() as AddressInfo).port}/v1`,
          events: ['order.add'],
          settings: { clientId: 'shop', clientSecret: 'secret' },
        },
      });
      await serve.api('testDestination', { params: { id: crm.id } });
      const hook = await serve.api('createDestination', { body: { name: 'Hook', url: webhook.url, events: ['*'] } });
      await serve.api('testDestination', { params: { id: hook.id } });
      const webhookAgent = /^user-agent:\s*(.+)$/im.exec(webhook.heads[0]!)?.[1];
      expect(webhookAgent).toMatch(/^Hookferry\//);
      expect(agents).toEqual([webhookAgent]);
    } finally {
      await serve.stop();
    }
  });

  it('takes 0:0:0:0:0:0:0:0 as the intake’s address, the same as ::', async () => {
    const serve = await startServe(tempDir());
    try {
      const saved = await serve.api('putSettings', { body: { intake: { host: '0:0:0:0:0:0:0:0' } } });
      expect(saved.intake.host).toBe('::');
    } finally {
      await serve.stop();
    }
  });
});
