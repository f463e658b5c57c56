import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const BUDGET_MB = 8;
const BODY = 1_000_000;
const ADDRESSES = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];
const PER_ADDRESS = 16;

/** The engine's resident memory, from /proc: a bounded sanity check, not a measurement. */
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

interface Upload {
  socket: Socket;
  /** The answer's head and body, once one came. */
  answer: Promise<string>;
}

/** A POST announcing `BODY + 1` bytes from `from`, writing all but the last: a body held open, as the attack does. */
function holdOpen(port: number, path: string, from: string): Upload {
  const socket = connect({ port, host: '127.0.0.1', localAddress: from });
  socket.on('error', () => undefined);
  const answer = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('end', () => resolve(text));
    socket.on('close', () => resolve(text));
  });
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${BODY + 1}\r\n\r\n`,
  );
  socket.write(Buffer.alloc(BODY, 0x20));
  return { socket, answer };
}

/** A chunked POST (no length announced) written in 64 KB chunks until an answer comes. */
function chunkedUntilAnswered(
  url: string,
  from: string,
): Promise<{ status: number; retryAfter: string; body: string }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let answered = false;
    const req = request(
      url,
      { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json' } },
      (res) => {
        answered = true;
        let body = '';
        res.on('data', (part: Buffer) => (body += part.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, retryAfter: String(res.headers['retry-after']), body }),
        );
      },
    );
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const write = () => {
      while (!answered && req.write(chunk));
      if (!answered) req.once('drain', write);
    };
    write();
  });
}

/** A real `serve` whose budget for bodies held in memory is lowered to 8 MB, flooded from four addresses. */
describe('the intake’s budget for bodies held in memory (real serve process)', () => {
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe(tempDir('hookferry-budget'), [], undefined, {
      HOOKFERRY_TEST_BODY_BUDGET_MB: String(BUDGET_MB),
    });
  });
  afterAll(async () => {
    await serve.stop();
  });

  it('answers 503 unread past the budget, takes the POS’s order meanwhile, and has the whole budget again once the uploads are aborted', async () => {
    const target = new URL(await serve.posUrl());
    const port = Number(target.port);
    const before = rssOf(serve.child.pid!);
    const uploads = ADDRESSES.flatMap((from) =>
      Array.from({ length: PER_ADDRESS }, () => ({ from, ...holdOpen(port, target.pathname, from) })),
    );
    try {
      const answered: { from: string; text: string }[] = [];
      for (const upload of uploads)
        void upload.answer.then((text) => text && answered.push({ from: upload.from, text }));
      // 7 MB of the 8 may hold large bodies (an eighth is kept for small ones): 7 bodies of 1 MB held, 57 refused.
      await waitUntil(() => answered.length >= uploads.length - 7, 'all but seven uploads answered');
      for (const { text } of answered) {
        expect(text).toMatch(/^HTTP\/1\.1 503/);
        expect(text).toMatch(/\r\nretry-after: 10\r\n/i);
        expect(text).toMatch(/receiving as many bodies at once as it holds in memory \(8 MB together\)/);
      }

      // The shop's own order, small, still fits in the share kept for small bodies.
      const order = await post(target.href, JSON.stringify({ order: 'A-1', total: 120_000 }), {
        'content-type': 'application/json',
      });
      expect(order.status).toBe(200);
      // A body without a length is refused as it streams past the budget, with the same answer.
      const chunked = await chunkedUntilAnswered(target.href, '127.0.0.5');
      expect(chunked.status).toBe(503);
      expect(chunked.retryAfter).toBe('10');
      expect(answered).toHaveLength(uploads.length - 7);
      // Held: 7 MB and what the refused connections sent before reading was stopped, far from the 64 MB sent.
      expect(rssOf(serve.child.pid!) - before).toBeLessThan(48 * 1024 * 1024);

      // Written down once a minute per address, with the count, not once per request.
      const refusedFrom = new Set([...answered.map(({ from }) => from), '127.0.0.5']);
      const entries = await waitUntil(async () => {
        const { items } = await serve.api('listEvents', { query: { status: 'rejected' } });
        const found = items.filter((event) => event.rejection?.code === 'intake.bodiesFullFrom');
        return found.length >= refusedFrom.size ? found : null;
      }, 'an entry per refused address');
      expect(entries).toHaveLength(refusedFrom.size);
      expect(new Set(entries.map((event) => event.rejection?.params.address))).toEqual(refusedFrom);
      for (const event of entries) expect(event.rejection?.params.count).toBe(1);
    } finally {
      for (const { socket } of uploads) socket.destroy();
    }

    // Aborted, the uploads give their bytes back: a body as large as the whole share for large bodies is taken.
    await serve.api('putSettings', { body: { intake: { bodyLimitBytes: 7 * 1024 * 1024 } } });
    const whole = JSON.stringify({ pad: ' '.repeat(7 * 1024 * 1024 - 20) });
    expect(Buffer.byteLength(whole)).toBeGreaterThan(((BUDGET_MB * 7) / 8) * 1024 * 1024 - 64);
    await waitUntil(
      async () => (await post(target.href, whole, { 'content-type': 'application/json' })).status === 200,
      'a body of the whole budget taken',
    );
  });
});
