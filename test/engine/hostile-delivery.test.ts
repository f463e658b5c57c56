import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { orderAdd, post, teamcropOrder, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** Hostile inputs on the delivery side, each against a real `serve` child on 127.0.0.1. */

const teamcrop = orderAdd;
const once = { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
const FOREVER = '( $f := function($x){ $f($x+1) }; $f(0) )';
const GREEDY = '[1..10000000].{"n": $, "again": [$, $, $]}';
/** One string of 300 MB in one allocation: V8 aborts the whole process that makes it, worker thread or not. */
const HUGE_STRING = '$pad("", 300000000)';
/** Recursion that is not a tail call, a hundred million deep. */
const DEEP = '( $f := function($x){ $x > 0 ? 1 + $f($x - 1) : 0 }; $f(100000000) )';

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.closeAllConnections();
  for (const server of servers) server.close();
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function rssMb(serve: ServeProcess): number {
  const status = readFileSync(`/proc/${serve.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function settled(serve: ServeProcess, id: string) {
  return waitUntil(async () => {
    const event = await serve.api('getEvent', { params: { id } });
    return event.status === 'delivered' || event.status === 'failed' ? event : null;
  }, `event ${id} settling`);
}

/** The processes whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Running, not gone nor a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z';
  } catch {
    return false;
  }
}

async function healthz(serve: ServeProcess): Promise<number> {
  return (await fetch(new URL('/healthz', await serve.posUrl()))).status;
}

describe('hostile inputs on the delivery side (real serve)', () => {
  it('runs a JSONata expression that never ends off the event loop: the preview says so, the delivery fails at once, /healthz answers meanwhile, the next expression works', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    const destination = await serve.api('createDestination', {
      body: { name: 'Looping', url: sink.url, retry: once, settings: { transform: FOREVER } },
    });

    let previewDone = false;
    const preview = serve
      .api('previewDestination', { params: { id: destination.id }, body: { body: { a: 1 } } })
      .finally(() => (previewDone = true));
    expect(await healthz(serve)).toBe(200);
    expect(previewDone).toBe(false);
    expect(await preview).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The transformation took longer than 1 s and was stopped\./),
    });

    const { json } = await post(await serve.posUrl(), teamcropOrderRaw, teamcrop);
    const failed = await settled(serve, String(json.id));
    expect(failed.status).toBe('failed');
    expect(failed.deliveries[0]!.attempts).toHaveLength(1);
    expect(failed.deliveries[0]!.attempts[0]).toMatchObject({
      category: 'invalid',
      error: expect.stringMatching(/took longer than 1 s/),
      reason: { code: 'delivery.transformTooLong', params: { seconds: 1 } },
    });
    expect(sink.received).toHaveLength(0);

    const greedy = await serve.api('previewDestination', {
      params: { id: destination.id },
      body: { body: {}, expression: GREEDY },
    });
    expect(greedy).toMatchObject({ ok: false, error: expect.stringMatching(/was stopped/) });

    const fine = await serve.api('previewDestination', {
      params: { id: destination.id },
      body: { body: { a: [1, 2, 3] }, expression: '$sum(a)' },
    });
    expect(fine).toEqual({ ok: true, output: 6, eventId: null });
    expect(await healthz(serve)).toBe(200);
    expect(await serve.stop()).toBe(0);
  });

  it('survives expressions that allocate hugely in one go or recurse deep: only the transformation process dies, the preview says so, the delivery fails at once', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    const destination = await serve.api('createDestination', {
      body: { name: 'Huge', url: sink.url, retry: once, settings: { transform: HUGE_STRING } },
    });
    for (const expression of [HUGE_STRING, '$pad("", 1000000000)', '$count([1..100000000])', GREEDY, DEEP]) {
      const preview = await serve.api('previewDestination', {
        params: { id: destination.id },
        body: { body: {}, expression },
      });
      console.log(`${expression}: ${preview.ok ? 'ok' : preview.error}`);
      // Stopped for its time or its memory, whichever it reached first on this machine; or refused by JSONata itself.
      expect(preview, expression).toMatchObject({
        ok: false,
        error: expect.stringMatching(/was stopped|Invalid string length|must not exceed/),
      });
      expect(await healthz(serve)).toBe(200);
    }

    const { json } = await post(await serve.posUrl(), teamcropOrderRaw, teamcrop);
    const failed = await settled(serve, String(json.id));
    expect(failed.status).toBe('failed');
    expect(failed.deliveries[0]!.attempts).toHaveLength(1);
    expect(failed.deliveries[0]!.attempts[0]).toMatchObject({
      category: 'invalid',
      reason: { code: expect.stringMatching(/^delivery\.transformToo(Big|Long)$/) },
    });
    expect(sink.received).toHaveLength(0);

    const fine = await serve.api('previewDestination', {
      params: { id: destination.id },
      body: { body: { a: [1, 2, 3] }, expression: '$sum(a)' },
    });
    expect(fine).toEqual({ ok: true, output: 6, eventId: null });
    expect(serve.child.exitCode).toBeNull();
    expect(await serve.stop()).toBe(0);
  });

  it('stops on SIGTERM while an expression that never ends is running', async () => {
    const serve = await startServe(tempDir());
    const destination = await serve.api('createDestination', {
      body: { name: 'Looping', url: 'http://127.0.0.1:9/', settings: { transform: FOREVER } },
    });
    const running = serve
      .api('previewDestination', { params: { id: destination.id }, body: { body: {} } })
      .catch(() => null);
    expect(await healthz(serve)).toBe(200);
    expect(await serve.stop()).toBe(0);
    await running;
  });

  it('leaves no JSONata process behind when the engine is killed outright in the middle of an expression', async () => {
    const serve = await startServe(tempDir());
    const destination = await serve.api('createDestination', {
      body: { name: 'Looping', url: 'http://127.0.0.1:9/', settings: { transform: FOREVER } },
    });
    // A first preview loads the process, so the second one is running when the engine dies.
    await serve.api('previewDestination', { params: { id: destination.id }, body: { body: {}, expression: '1' } });
    const [transformPid] = childrenOf(serve.child.pid!);
    expect(transformPid).toBeDefined();
    const running = serve
      .api('previewDestination', { params: { id: destination.id }, body: { body: {} } })
      .catch(() => null);
    await serve.kill();
    await running;
    // Its event loop is starved by the expression: a thread of its own sees the engine gone and ends it.
    await waitUntil(() => !alive(transformPid!), 'the JSONata process gone');
  });

  it('reads at most 64 KB of an answer of 300 MB, then drops the connection: memory stays flat', async () => {
    const TOTAL = 300 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const answers: { sent: number; closedEarly: boolean }[] = [];
    const url = await listen(
      createServer((request, response) => {
        request.resume();
        const answer = { sent: 0, closedEarly: false };
        answers.push(answer);
        response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(TOTAL) });
        response.on('close', () => (answer.closedEarly = answer.sent < TOTAL));
        const pump = () => {
          while (answer.sent < TOTAL && !response.destroyed) {
            answer.sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        pump();
      }),
    );
    const serve = await startServe(tempDir());
    await serve.api('createDestination', { body: { name: 'Huge answers', url, retry: once, concurrency: 2 } });
    const pos = await serve.posUrl();
    const before = rssMb(serve);
    const posted = [];
    for (let n = 0; n < 6; n++) posted.push(await post(pos, JSON.stringify({ ...teamcropOrder, id: n }), teamcrop));
    for (const { json } of posted) {
      const event = await settled(serve, String(json.id));
      expect(event.status).toBe('delivered');
      expect(event.deliveries[0]!.attempts[0]!.responseSnippet).toHaveLength(2048);
    }
    await waitUntil(() => answers.length === 6 && answers.every((answer) => answer.closedEarly), 'every answer cut');
    expect(Math.max(...answers.map((answer) => answer.sent))).toBeLessThan(TOTAL / 10);
    const growth = rssMb(serve) - before;
    console.log(
      `six 300 MB answers: the engine's RSS grew ${growth.toFixed(1)} MB; the destination got out at most ${(Math.max(...answers.map((answer) => answer.sent)) / 1048576).toFixed(1)} MB of each (socket buffers included) before the drop`,
    );
    expect(growth).toBeLessThan(50);
    expect(await serve.stop()).toBe(0);
  });

  it('refuses a header name or value with a line break or a control character when saved, with a sentence', async () => {
    const serve = await startServe(tempDir());
    const create = (header: { name: string; value: string }) =>
      serve.api('createDestination', {
        body: { name: 'Headers', url: 'http://127.0.0.1:9/', settings: { headers: [header] } },
      });
    await expect(create({ name: 'X-Key', value: 'abc\r\nX-Injected: 1' })).rejects.toThrow(
      /A header value cannot hold line breaks/,
    );
    await expect(create({ name: 'X-Key\r\nX-Injected', value: '1' })).rejects.toThrow(
      /A header name cannot hold line breaks/,
    );
    await expect(create({ name: 'X-Key', value: 'tab\there' })).rejects.toThrow(/control characters/);
    await expect(create({ name: 'X-Shop', value: 'Cửa hàng' })).rejects.toThrow(/Latin-1/);
    const fine = await create({ name: 'X-Key', value: 'abc' });
    await expect(
      serve.api('updateDestination', {
        params: { id: fine.id },
        body: { settings: { headers: [{ name: 'X-Key', value: 'a\nb' }] } },
      }),
    ).rejects.toThrow(/line breaks/);
    expect((await serve.api('listDestinations'))[0]!.settings.headers).toEqual([
      { name: 'X-Key', value: null, secret: true, valueSet: true },
    ]);
    await serve.stop();
  });

  it('records a failed attempt for a stored parsed copy nested too deep to send as JSON, and the queue goes on', async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir);
    const sink = await startSink();
    const destination = await serve.api('createDestination', {
      body: { name: 'As JSON', url: sink.url, retry: once, paused: true, settings: { bodyMode: 'json' } },
    });
    const deep = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: 1 }), teamcrop);
    await serve.stop();
    // Stored before intake refused such bodies: an XML event whose parsed copy is nested that deep. (A JSON body the
    // JSON body mode sends as it came, unparsed; an XML one it writes out from its parsed copy.)
    const db = new Database(join(dataDir, 'hookferry.db'));
    const nested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    db.prepare(
      "UPDATE events SET content_type = 'application/xml', body = ?, body_size = 8, parsed = ? WHERE id = ?",
    ).run(Buffer.from('<order/>'), nested, String(deep.json.id));
    db.close();

    serve = await startServe(dataDir);
    await serve.api('updateDestination', { params: { id: destination.id }, body: { paused: false } });
    // Its detail cannot be answered as JSON either (the intake's concern): watch the list, then read the attempt.
    await waitUntil(
      async () =>
        (await serve.api('listEvents', { query: { status: 'failed' } })).items.some((item) => item.id === deep.json.id),
      'the deep event failing',
    );
    const next = await post(await serve.posUrl(), teamcropOrderRaw, teamcrop);
    expect((await settled(serve, String(next.json.id))).status).toBe('delivered');
    await serve.stop();
    const stored = new Database(join(dataDir, 'hookferry.db'), { readonly: true });
    const attempts = stored
      .prepare(
        'SELECT a.category, a.error FROM attempts a JOIN deliveries d ON d.id = a.delivery_id JOIN events e ON e.seq = d.event_seq WHERE e.id = ?',
      )
      .all(String(deep.json.id));
    stored.close();
    expect(attempts).toEqual([{ category: 'invalid', error: expect.stringMatching(/nested too deeply/) }]);
  });
});
