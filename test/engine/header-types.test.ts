import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** A POST whose headers are written as UTF-8 bytes (as a shop's own script, PHP or curl, sends them), or as Latin-1. */
function postRaw(url: string, headers: string, body: string, encoding: 'utf8' | 'latin1' = 'utf8'): Promise<number> {
  const { port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(
        Buffer.from(
          `POST ${pathname} HTTP/1.1\r\nHost: shop\r\nConnection: close\r\nContent-Type: application/json\r\n${headers}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
          encoding,
        ),
      ),
    );
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(text.split(' ')[1])));
  });
}

/** An event type a sender writes in Vietnamese in its event header, against a real `serve` child on 127.0.0.1. */
describe('an event type header in Vietnamese (real serve process)', () => {
  let serve: ServeProcess;
  let sink: Sink;

  beforeAll(async () => {
    serve = await startServe(tempDir());
    sink = await startSink();
  });
  afterAll(() => serve.stop());

  it('is read as the sender wrote it, so a destination choosing that type gets the event', async () => {
    await serve.api('createDestination', {
      body: { name: 'Orders', url: sink.url, events: ['đơn-hàng.*'], retry: once },
    });
    const pos = await serve.posUrl();
    expect(await postRaw(pos, 'X-Event-Type: đơn-hàng.mới', '{"id":"V-1"}')).toBe(200);
    // Latin-1 bytes that are not UTF-8 (é as one byte) stay as they came.
    expect(await postRaw(pos, 'X-Event-Type: caf\u00e9', '{"id":"V-2"}', 'latin1')).toBe(200);
    const events = await waitUntil(async () => {
      const page = await serve.api('listEvents', { query: {} });
      return page.items.length === 2 ? page.items : null;
    }, 'both events listed');
    // Before: read as Latin-1 ("Ä\x91Æ¡n-hÃ\xa0ng…") in the live log, and the destination never took it.
    expect(events.map((event) => event.type).sort()).toEqual(['café', 'đơn-hàng.mới']);
    const [received] = await sink.waitFor(1);
    expect(received!.headers['x-hookferry-event']).toBe(encodeURIComponent('đơn-hàng.mới'));
  });
});
