import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventListItem, Source, SourceCreate } from '../../main/api/contract.js';
import { openStream } from '../../main/api/stream-client.js';
import { FAILED_VERIFICATIONS_PER_MINUTE } from '../../main/intake/listener.js';
import { filesUnder } from '../helpers/files.js';
import { post } from '../helpers/fixtures.js';
import { rawRequest } from '../helpers/raw-http.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { waitUntil } from '../helpers/wait.js';

const json = { 'content-type': 'application/json' };
const MB = 1024 * 1024;

/** Hostile input against a real `serve` process, on loopback, each case bounded in size and count. */
describe('hostile input at the intake (real serve process)', () => {
  let serve: ServeProcess;
  let dataDir: string;

  beforeAll(async () => {
    // One engine for the file (tempDir would remove its folder after the first test).
    dataDir = mkdtempSync(join(tmpdir(), 'hookferry-hostile-'));
    serve = await startServe(dataDir);
  });
  afterAll(async () => {
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const newSource = (name: string, extra: Partial<SourceCreate> = {}) =>
    serve.api('createSource', { body: { name, kind: 'generic', ...extra } });

  /** The newest rejected entries of a source, as the live log lists them. */
  const rejectedOf = async (source: Source): Promise<EventListItem[]> =>
    (await serve.api('listEvents', { query: { status: 'rejected', sourceId: source.id } })).items;

  describe('too many connections from one address', () => {
    // First in the file: the connections fetch keeps alive for later tests would count towards the cap.
    it('closes connections past 64 from one address as they arrive, and serves the rest', async () => {
      const { port } = new URL(serve.runtime.ingestUrl);
      const sockets: Socket[] = [];
      const closed = new Set<Socket>();
      try {
        for (let n = 0; n < 70; n++) {
          const socket = connect(Number(port), '127.0.0.1');
          socket.on('error', () => undefined);
          socket.on('close', () => closed.add(socket));
          sockets.push(socket);
        }
        await waitUntil(() => closed.size >= 6, 'six connections closed');
        const open = sockets.filter((socket) => !closed.has(socket));
        expect(open).toHaveLength(64);
        const answer = await new Promise<string>((resolve) => {
          open[0]!.once('data', (chunk) => resolve(chunk.toString('latin1')));
          open[0]!.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
        });
        expect(answer).toMatch(/^HTTP\/1\.1 200/);
      } finally {
        for (const socket of sockets) socket.destroy();
      }
      // Until the engine has seen the 64 close, a new connection is still one too many and is closed at once.
      await waitUntil(
        async () => (await fetch(`${serve.runtime.ingestUrl}/healthz`).catch(() => null))?.ok,
        'new connections taken',
      );
    });
  });

  describe('bodies nested too deep', () => {
    it('refuses JSON, XML and form bodies nested deeper than 200 levels with 400, and says why in the live log', async () => {
      const source = await newSource('Deep');
      const live: EventListItem[] = [];
      let connected = false;
      const stop = openStream(
        { baseUrl: serve.runtime.adminUrl, token: serve.runtime.adminToken },
        (message) => message.type === 'event' && live.push(message.event),
        (now) => (connected = now),
      );
      try {
        await waitUntil(() => connected, 'the live log connected');
        const deepJson = '['.repeat(100_000) + ']'.repeat(100_000);
        const deepObject = '{"a":'.repeat(201) + '1' + '}'.repeat(201);
        const deepXml = '<a>'.repeat(5_000) + '</a>'.repeat(5_000);
        const deepForm = `a${'[b]'.repeat(300)}=1`;
        for (const [body, contentType] of [
          [deepJson, 'application/json'],
          [deepObject, 'application/json'],
          [deepJson, 'text/plain'],
          [deepXml, 'application/xml'],
          [deepForm, 'application/x-www-form-urlencoded'],
        ]) {
          const answer = await post(source.ingestUrl, body!, { 'content-type': contentType! });
          expect(answer.status, contentType).toBe(400);
          expect(answer.json.error).toMatch(/nested deeper than 200 levels/);
        }
        await waitUntil(() => live.filter((event) => event.sourceId === source.id).length === 5, 'five live entries');
        for (const event of live.filter((item) => item.sourceId === source.id)) {
          expect(event).toMatchObject({
            status: 'rejected',
            httpStatus: 400,
            rejection: { code: 'intake.tooDeep', params: { limit: 200 } },
          });
        }
      } finally {
        stop();
      }

      // 200 levels are fine, and brackets inside strings are text, not nesting.
      const atLimit = '{"a":'.repeat(199) + '[1]' + '}'.repeat(199);
      expect((await post(source.ingestUrl, atLimit, json)).status).toBe(200);
      expect((await post(source.ingestUrl, JSON.stringify({ text: '[{'.repeat(1000) }), json)).status).toBe(200);
      const xmlAtLimit = '<a>'.repeat(200) + '<b/><!-- <c><c><c> --><![CDATA[<d><d>]]>' + '</a>'.repeat(200);
      expect((await post(source.ingestUrl, xmlAtLimit, { 'content-type': 'application/xml' })).status).toBe(200);
    });
  });

  describe('XML with entities', () => {
    it('refuses XXE, entity expansion and DOCTYPEs with 400 and the reason, never 500', async () => {
      const source = await newSource('XML');
      const xml = { 'content-type': 'application/xml' };
      const bodies = [
        '<?xml version="1.0"?><!DOCTYPE order [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><order>&xxe;</order>',
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n || ''};`.repeat(10)}">`).join('')}]><lolz>&lol9;</lolz>`,
        `<!DOCTYPE big [<!ENTITY big "${'x'.repeat(200_000)}">]><order>&big;&big;&big;</order>`,
        '<!doctype html><order/>',
      ];
      for (const body of bodies) {
        const answer = await post(source.ingestUrl, body, xml);
        expect(answer.status).toBe(400);
        expect(answer.json.error).toMatch(/DOCTYPE/);
      }
      const rejected = await waitForRejected(source, bodies.length);
      expect(rejected.map((event) => event.rejection?.code)).toEqual(bodies.map(() => 'intake.xmlDoctype'));
      expect(
        (await post(source.ingestUrl, '<order><note>Tom &amp; Jerry</note></order>', xml)).status,
        'the five XML entities still work',
      ).toBe(200);
      expect(serve.output()).not.toMatch(/intake failed/);
    });
  });

  describe('bodies over the limit', () => {
    it('cuts chunked 60–95 MB bodies at the 5 MB limit with 413 while they stream, and RSS barely moves', async () => {
      const source = await newSource('Huge');
      const pid = serve.runtime.pid;
      // Warm up the path so what is measured is the bodies, not first-use allocations.
      expect((await post(source.ingestUrl, '{"warm":1}', json)).status).toBe(200);
      const before = memoryOf(pid).rss;
      const sizes = [60, 75, 95, 80];
      const results = [];
      for (const size of sizes) results.push(await pushChunked(source.ingestUrl, size * MB));
      const peak = memoryOf(pid).hwm;
      for (const result of results) {
        // The answer reaches a sender writing flat out: the server half-closes rather than resets.
        expect(result.status).toBe(413);
        // The server stopped taking bytes: a client pushing on regardless got nowhere near its 60+ MB.
        expect(result.accepted).toBeLessThan(40 * MB);
      }
      const growth = peak - before;
      console.log(
        `RSS before ${mb(before)}, peak ${mb(peak)}: grew ${mb(growth)} over ${sizes.join('+')} MB bodies;`,
        `the connection took ${results.map((result) => mb(result.accepted)).join(', ')} before it closed`,
      );
      expect(growth).toBeLessThan(50 * MB);
      const rejected = await waitForRejected(source, 1);
      expect(rejected[0]!.rejection).toEqual({ code: 'intake.tooLarge', params: { size: '5 MB' } });
    });
  });

  describe('refusals in the live log', () => {
    it('takes a key in Vietnamese as a sender writes it (UTF-8 bytes), and refuses another', async () => {
      const source = await newSource('Khóa tiếng Việt', {
        verification: { type: 'header', header: 'X-Shop-Key', value: 'mậtkhẩu-cửahàng-2026' },
      });
      const { port, pathname } = new URL(source.ingestUrl);
      const send = (key: string) =>
        rawRequest(Number(port), 'POST', pathname, { ...json, 'X-Shop-Key': key }, '{"order":"VN-1"}');
      // Before, Node's Latin-1 reading of the bytes was compared with the saved text: 401 "does not carry the value".
      expect((await send('mậtkhẩu-cửahàng-2026')).status).toBe(200);
      expect((await send('mậtkhẩu-cửahàng-2025')).status).toBe(401);
    });

    it('leaves a rejected entry with a reason code and parameters for 400, 401, 404 and 413', async () => {
      const source = await newSource('Keyed', {
        verification: { type: 'header', header: 'X-Shop-Key', value: 'k-123456' },
      });
      const keyed = { ...json, 'X-Shop-Key': 'k-123456' };
      expect((await post(source.ingestUrl, '{"a":', keyed)).status).toBe(400);
      expect((await post(source.ingestUrl, '{"a":1}', { ...json, 'X-Shop-Key': 'wrong' })).status).toBe(401);
      expect((await post(source.ingestUrl, 'x'.repeat(6 * MB), keyed)).status).toBe(413);
      const rejected = await waitForRejected(source, 3);
      expect(rejected.map((event) => [event.httpStatus, event.rejection])).toEqual([
        [413, { code: 'intake.tooLarge', params: { size: '5 MB' } }],
        [401, { code: 'intake.headerWrong', params: { header: 'X-Shop-Key' } }],
        [
          400,
          {
            code: 'intake.invalidJson',
            params: { line: 1, column: 6, problem: 'a value is expected', problemCode: 'json.ValueExpected' },
          },
        ],
      ]);
      expect(rejected[1]!.reason).toBe(
        'The X-Shop-Key header does not carry the expected value. Make the value in the sender’s webhook the same as in Hookferry → Sources. Hookferry does not show a saved value again: if you no longer have it, press Generate on this source in Hookferry → Sources, save, and enter the new value in the sender.',
      );

      const unknown = await post(`${serve.runtime.ingestUrl}/in/no-such-token`, '{}', json);
      expect(unknown.status).toBe(404);
      await waitUntil(async () => {
        const page = await serve.api('listEvents', { query: { status: 'rejected', q: 'No source has this address' } });
        return page.items.some((event) => event.rejection?.code === 'intake.unknownToken');
      }, 'the unknown address in the live log');
    });
  });

  describe('sensitive headers', () => {
    it('redacts every header named with a sensitive part, in storage and in the event viewer', async () => {
      const source = await newSource('Headers', {
        verification: { type: 'header', header: 'X-Verify-Here', value: 'VERIFY-VALUE-1' },
      });
      const secrets: Record<string, string> = {
        'X-Shop-Key': 'SHOP-KEY-VALUE-1',
        'X-Access-Key': 'ACCESS-KEY-VALUE-1',
        'Private-Key': 'PRIVATE-KEY-VALUE-1',
        'X-Pass': 'PASS-VALUE-1',
        'X-Csrf': 'CSRF-VALUE-1',
        'X-Session-Id': 'SESSION-VALUE-1',
        'X-Shopify-Hmac-Sha256': 'HMAC-VALUE-1',
        'X-Verify-Here': 'VERIFY-VALUE-1',
      };
      const answer = await post(source.ingestUrl, '{"id":"headers-1"}', {
        ...json,
        ...secrets,
        'X-Request-Id': 'plain-1',
      });
      expect(answer.status).toBe(200);
      const event = await serve.api('getEvent', { params: { id: String(answer.json.id) } });
      for (const name of Object.keys(secrets)) expect(event.headers[name.toLowerCase()], name).toBe('[redacted]');
      expect(event.headers['x-request-id']).toBe('plain-1');
      const database = filesUnder(dataDir).filter((file) => /hookferry\.db/.test(file));
      for (const value of Object.values(secrets))
        for (const file of database) expect(readFileSync(file).includes(Buffer.from(value)), value).toBe(false);
    });
  });

  describe('forged floods', () => {
    // Last: its failures count against this address for a minute, which the tests above must not meet.
    it('limits failed verification per client address, and counts only verified requests against the source', async () => {
      const secret = 'shop-signing-secret';
      const source = await newSource('Signed', { kind: 'shopify', verification: { type: 'hmac', secret } });
      await serve.api('putSettings', { body: { intake: { rateLimitPerMinute: 20 } } });
      try {
        const forged: number[] = [];
        let lastError = '';
        for (let batch = 0; batch < 1250 / 25; batch++) {
          const answers = await Promise.all(
            Array.from({ length: 25 }, (_, n) =>
              post(source.ingestUrl, `{"id":${batch * 25 + n}}`, {
                ...json,
                'X-Shopify-Topic': 'orders/create',
                'X-Shopify-Hmac-Sha256': 'Zm9yZ2Vk',
              }),
            ),
          );
          forged.push(...answers.map((answer) => answer.status));
          lastError = String(answers.at(-1)!.json.error);
        }
        // 401 until this address has failed 100 times this minute (a test above failed once), then 429.
        expect(new Set(forged)).toEqual(new Set([401, 429]));
        expect(forged.filter((status) => status === 401).length).toBeLessThanOrEqual(FAILED_VERIFICATIONS_PER_MINUTE);
        expect(forged.slice(FAILED_VERIFICATIONS_PER_MINUTE).every((status) => status === 429)).toBe(true);
        expect(lastError).toMatch(/^Too many requests from 127\.0\.0\.1 failed verification/);

        // The shop's correctly signed events still go through, up to the source's own limit.
        const signed = async (n: number) => {
          const body = `{"id":"real-${n}"}`;
          const signature = createHmac('sha256', secret).update(body).digest('base64');
          return post(source.ingestUrl, body, {
            ...json,
            'X-Shopify-Topic': 'orders/create',
            'X-Shopify-Hmac-Sha256': signature,
          });
        };
        for (let n = 0; n < 20; n++) expect((await signed(n)).status).toBe(200);
        const over = await signed(20);
        expect(over.status).toBe(429);
        expect(over.json.error).toMatch(/takes 20 a minute/);
      } finally {
        await serve.api('putSettings', { body: { intake: { rateLimitPerMinute: 1200 } } });
      }
      // The first few refusals of the flood are in the live log; the rest were refused unrecorded.
      expect((await rejectedOf(source)).map((event) => event.rejection?.code)).toContain('intake.signatureWrong');
    }, 120_000);
  });

  async function waitForRejected(source: Source, count: number): Promise<EventListItem[]> {
    let rejected: EventListItem[] = [];
    await waitUntil(async () => (rejected = await rejectedOf(source)).length >= count, `${count} rejected entries`);
    return rejected;
  }
});

describe('slow clients (real serve process with short timeouts)', () => {
  let serve: ServeProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hookferry-slow-'));
    // HOOKFERRY_TEST_INTAKE_TIMEOUT_MS shortens the 30 s request timeout so the test takes seconds;
    // the live log's one-entry-a-minute tally shrinks with it to 3 s.
    serve = await startServe(dataDir, [], undefined, { HOOKFERRY_TEST_INTAKE_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 408 and closes a connection that trickles its headers or its body, and closes idle kept-alive ones', async () => {
    const pos = new URL(await serve.posUrl());
    const [body, headers] = await Promise.all([
      trickle(
        pos,
        `POST ${pos.pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 600\r\n\r\n`,
        ' '.repeat(600),
      ),
      trickle(pos, `POST ${pos.pathname} HTTP/1.1\r\n`, `X-Slow: ${'y'.repeat(600)}`),
    ]);
    expect(body).toMatch(/^HTTP\/1\.1 408/);
    expect(headers).toMatch(/^HTTP\/1\.1 408/);

    const idle = await new Promise<string>((resolve) => {
      const socket = connect(Number(pos.port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.on('close', () => resolve(received));
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    });
    expect(idle).toMatch(/^HTTP\/1\.1 200/);
    expect(idle).toMatch(/Keep-Alive: timeout=1/i);
  }, 60_000);

  it('writes requests cut off as too slow and connections closed over the cap to the live log, once per address per window with a count', async () => {
    const source = await serve.api('createSource', { body: { name: 'Slow', kind: 'generic' } });
    const target = new URL(source.ingestUrl);
    const head = `POST ${target.pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 600\r\n\r\n`;
    const answers = await Promise.all(Array.from({ length: 3 }, () => trickle(target, head, ' '.repeat(600))));
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 408/);

    const sockets: Socket[] = [];
    const closed = new Set<Socket>();
    try {
      for (let n = 0; n < 70; n++) {
        const socket = connect(Number(target.port), '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('close', () => closed.add(socket));
        sockets.push(socket);
      }
      await waitUntil(() => closed.size >= 6, 'six connections closed');
    } finally {
      for (const socket of sockets) socket.destroy();
    }

    const entries = async (code: string) =>
      (await serve.api('listEvents', { query: { status: 'rejected', limit: 200 } })).items.filter(
        (event) => event.rejection?.code === code,
      );
    const total = (events: EventListItem[]) =>
      events.reduce((sum, event) => sum + Number(event.rejection!.params.count), 0);
    let slow: EventListItem[] = [];
    let capped: EventListItem[] = [];
    // The first of a window is written at once, the rest of the window in one entry when it ends.
    await waitUntil(
      async () =>
        total((slow = (await entries('intake.tooSlow')).filter((event) => event.sourceId === source.id))) >= 3,
      'the three cut-off requests counted',
    );
    await waitUntil(
      async () => total((capped = await entries('intake.tooManyConnections'))) >= 6,
      'six closings counted',
    );
    expect(slow.map((event) => [event.httpStatus, event.sourceName, event.rejection!.params])).toEqual([
      [408, 'Slow', { address: '127.0.0.1', seconds: 1.5, count: 2 }],
      [408, 'Slow', { address: '127.0.0.1', seconds: 1.5, count: 1 }],
    ]);
    expect(slow[0]!.reason).toBe(
      '127.0.0.1 took more than 1.5 seconds to send a request, so Hookferry cut it off (408). Requests cut off from this address in the last minute: 2.',
    );
    expect(capped.map((event) => [event.httpStatus, event.rejection!.params])).toEqual([
      [0, { address: '127.0.0.1', limit: 64, count: 5 }],
      [0, { address: '127.0.0.1', limit: 64, count: 1 }],
    ]);
  }, 60_000);
});

/** Sends `head`, then `drip` a byte every 100 ms (never idle, never done); resolves with what came back once closed. */
function trickle(url: URL, head: string, drip: string): Promise<string> {
  return new Promise<string>((resolve) => {
    const socket = connect(Number(url.port), '127.0.0.1');
    let received = '';
    let sent = 0;
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.write(head);
    const timer = setInterval(() => {
      if (sent < drip.length && socket.writable) socket.write(drip[sent++]!);
    }, 100);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    });
  });
}

/** RSS now and its peak (VmHWM) of a process, in bytes, from /proc. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)![1]) * 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/**
 * Posts a chunked body of `total` bytes the hostile way, on a raw socket:
 * writing flat out, whatever comes back, until the server stops taking bytes.
 * Says what status came back (null when the answer never arrived, as when a
 * reset beat it) and how many bytes were written until then. A write failing
 * with EPIPE or a reset does not stop reading what already arrived.
 */
function pushChunked(url: string, total: number): Promise<{ status: number | null; accepted: number }> {
  const { port, pathname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    const spaces = ' '.repeat(MB);
    let received = '';
    let sent = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(received);
      resolve({ status: status ? Number(status[1]) : null, accepted: sent });
    };
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
      if (received.includes('\r\n\r\n')) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
    socket.write(
      `POST ${pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const pump = () => {
      while (!finished && !socket.destroyed && sent < total) {
        sent += MB;
        // Framed as it goes, as a client streaming text does: the time this takes is when a reset beats the answer.
        if (!socket.write(`${MB.toString(16)}\r\n${spaces}\r\n`, 'latin1')) return void socket.once('drain', pump);
      }
      if (!finished && !socket.destroyed) socket.end('0\r\n\r\n');
    };
    pump();
  });
}
