import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonText, testReasonText } from '../../main/i18n/reason-text.js';
import { translatorFor } from '../../main/i18n/translator.js';
import { once, orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const SWITCHING = 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n';

/** What the receiver does after its 101, by the first part of the path: what a WebSocket server may do next. */
const AFTER_101 = {
  close: (socket: Socket) => socket.end(SWITCHING),
  hold: (socket: Socket) => socket.write(SWITCHING),
  garbage: (socket: Socket) => {
    socket.write(SWITCHING);
    socket.write(Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0xff, 0x00]));
  },
} as const;
type After101 = keyof typeof AFTER_101;

/**
 * A receiver on a raw socket that answers every request `101 Switching Protocols` (as a WebSocket server does),
 * then closes, holds the connection, or sends frames; once `fixed`, it answers 200 like a webhook receiver.
 */
class SwitchingReceiver {
  readonly paths: string[] = [];
  readonly open = new Set<Socket>();
  fixed = false;
  private readonly server: Server = createServer((socket) => this.take(socket));

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): void {
    for (const socket of this.open) socket.destroy();
    this.server.close();
  }

  private take(socket: Socket): void {
    this.open.add(socket);
    socket.on('close', () => this.open.delete(socket));
    socket.on('error', () => {});
    let taken = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      taken = Buffer.concat([taken, chunk]);
      const headEnd = taken.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = taken.subarray(0, headEnd).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (taken.length < headEnd + 4 + length) return;
      socket.off('data', onData);
      const path = head.split(' ')[1]!;
      this.paths.push(path);
      if (this.fixed) return void socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
      AFTER_101[path.split('/')[1] as After101](socket);
    };
    socket.on('data', onData);
  }
}

const receiver = new SwitchingReceiver();
let serve: ServeProcess;
let host: string;
beforeAll(async () => {
  host = await receiver.listen();
  serve = await startServe(tempDir());
});
afterAll(async () => {
  await serve.stop();
  receiver.close();
});

const english = (at: string) =>
  `${at} answered as if it were a live connection (WebSocket), not a receiver of webhooks, so Hookferry does not count the event as delivered. Check the destination’s address: it should be the receiving program’s webhook address.`;
const vietnamese = (at: string) =>
  `${at} trả lời như một kết nối trực tiếp (WebSocket), không phải một nơi nhận sự kiện, nên Hookferry không tính là sự kiện đã được gửi tới. Hãy kiểm tra địa chỉ của nơi nhận: đó phải là địa chỉ mà chương trình nhận dùng để nhận sự kiện.`;

async function settled(id: string) {
  return waitUntil(async () => {
    const event = await serve.api('getEvent', { params: { id } });
    return event.status === 'delivered' || event.status === 'failed' ? event : null;
  }, `event ${id} settling`);
}

/**
 * Node hands a 101's connection to whoever listens for 'upgrade' and ends the request with neither an answer nor an
 * error; got always listens (to pass the event on) and cancels its timers when the request ends. Before, such a try
 * waited for ever: no attempt, no timeout, its slot of the destination held until a restart.
 */
describe('a destination that answers 101 Switching Protocols (real serve, raw socket receiver)', () => {
  for (const after of Object.keys(AFTER_101) as After101[]) {
    it(`ends the try with a sentence, frees its slot and answers a test, when the receiver then ${after}s`, async () => {
      receiver.fixed = false;
      const destination = await serve.api('createDestination', {
        body: {
          name: `Live ${after}`,
          url: `http://${host}/${after}/hook`,
          retry: once,
          timeoutMs: 3000,
          concurrency: 1,
        },
      });
      const first = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: `${after}-1` }), orderAdd);
      const failed = await settled(String(first.json.id));
      expect(failed.status).toBe('failed');
      const [attempt] = failed.deliveries[0]!.attempts;
      expect(failed.deliveries[0]!.attempts).toHaveLength(1);
      expect(attempt).toMatchObject({
        category: 'http',
        httpStatus: 101,
        error: english(host),
        reason: { code: 'delivery.switchedProtocols', params: { host } },
      });
      expect(reasonText(translatorFor('vi'), attempt!.reason, attempt!.error!)).toBe(vietnamese(host));
      // Hookferry closed the connection it was handed: none is left open at the receiver.
      await waitUntil(() => receiver.open.size === 0, 'the 101 connections closed');

      const tested = await serve.api('testDestination', { params: { id: destination.id } });
      expect(tested).toMatchObject({ ok: false, httpStatus: 101, reason: { code: 'delivery.switchedProtocols' } });

      // The destination's one slot is free: the next order goes out, to the same receiver fixed.
      receiver.fixed = true;
      const next = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: `${after}-2` }), orderAdd);
      expect((await settled(String(next.json.id))).status).toBe('delivered');
      await serve.api('deleteDestination', { params: { id: destination.id } });
    });
  }

  it('says the same for a Zithara destination whose token request is answered 101, and its test answers', async () => {
    receiver.fixed = false;
    const zithara = await serve.api('createDestination', {
      body: {
        name: 'Zithara on a live address',
        kind: 'zithara',
        url: `http://${host}/hold`,
        events: ['order.add'],
        retry: once,
        timeoutMs: 3000,
        settings: { clientId: 'shop', clientSecret: 'secret', phoneCountryCode: '84', currency: 'VND' },
      },
    });
    const tested = await serve.api('testDestination', { params: { id: zithara.id } });
    expect(tested).toMatchObject({
      ok: false,
      httpStatus: 101,
      reason: { code: 'zithara.noToken', params: { problemCode: 'delivery.switchedProtocols' } },
    });
    expect(tested.error).toBe(`Hookferry could not get a Zithara access token: ${english(host)}`);
    expect(testReasonText(translatorFor('vi'), tested.reason, tested.error!)).toBe(
      `Hookferry không xin được quyền truy cập từ Zithara: ${vietnamese(host)}`,
    );
    expect(receiver.paths.at(-1)).toBe('/hold/generate-access-token');
    await waitUntil(() => receiver.open.size === 0, 'the 101 connection closed');
    await serve.api('deleteDestination', { params: { id: zithara.id } });
  });
});
