import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventListItem } from '../../main/api/contract.js';
import { FAILED_VERIFICATIONS_PER_MINUTE } from '../../main/intake/listener.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import type { ServeProcess } from '../helpers/serve-process.js';
import { engineWithTunnel } from '../helpers/tunnel.js';
import { waitUntil } from '../helpers/wait.js';

/*
 * Senders told apart behind the ngrok tunnel, without ngrok: the tests stand in for the agent, on
 * 127.0.0.1, at the listener the tunnel forwards to, and send what the agent sends: the request with
 * ngrok's address of the sender appended to X-Forwarded-For. The engine runs in ngrok mode against an
 * ingress nothing listens on, so the tunnel never opens, but its listener does.
 */

const json = { 'content-type': 'application/json' };

/** The path of a source's intake address, to post it at another listener. */
const pathOf = (ingestUrl: string) => new URL(ingestUrl).pathname;

/**
 * One request written on a new connection; resolves with what came back once the connection closed
 * ('' when it was closed unanswered).
 */
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

const healthz = (forwardedFor: string) =>
  `GET /healthz HTTP/1.1\r\nHost: shop.ngrok-free.dev\r\nX-Forwarded-For: ${forwardedFor}\r\nConnection: close\r\n\r\n`;

describe('senders behind the ngrok tunnel (the agent stood in for on 127.0.0.1)', () => {
  let serve: ServeProcess;
  let tunnel: string;
  let port: number;

  beforeAll(async () => {
    ({ serve, tunnel } = await engineWithTunnel());
    port = Number(new URL(tunnel).port);
  });
  afterAll(async () => {
    await serve.stop();
  });

  const rejected = async (code: string): Promise<EventListItem[]> =>
    (await serve.api('listEvents', { query: { status: 'rejected', limit: 200 } })).items.filter(
      (event) => event.rejection?.code === code,
    );

  it('listens on 127.0.0.1 only, on a port of its own', () => {
    expect(new URL(tunnel).hostname).toBe('127.0.0.1');
    expect(tunnel).not.toBe(serve.runtime.ingestUrl);
  });

  it('lets 64 slow requests from one internet address shut out that address only, never another sender', async () => {
    const stranger = '203.0.113.7';
    const [pos] = await serve.api('listSources');
    const slow: Socket[] = [];
    try {
      for (let n = 0; n < 64; n++) {
        const socket = connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        // A body that never ends: each request stays under way until the engine's 30 s are up.
        socket.write(
          `POST ${pathOf(pos!.ingestUrl)} HTTP/1.1\r\nHost: shop.ngrok-free.dev\r\nX-Forwarded-For: ${stranger}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"slow":',
        );
        slow.push(socket);
      }
      // Once all 64 are under way, a 65th from the stranger is closed unanswered, whatever it writes left of
      // ngrok's entry.
      await waitUntil(
        async () => (await exchange(port, healthz(`10.0.0.1, ${stranger}`))) === '',
        'the stranger’s 65th request closed',
      );

      // The cloud POS, whose request even carries the stranger's address as if written by the POS itself.
      const answer = await post(`${tunnel}${pathOf(pos!.ingestUrl)}`, teamcropOrderRaw, {
        ...json,
        'Tc-Webhook-Event': 'order.add',
        'X-Forwarded-For': `${stranger}, 198.51.100.20`,
      });
      expect(answer.status).toBe(200);
      // Recorded under its own address: what the dashboard shows beside the event.
      const stored = await serve.api('getEvent', { params: { id: String(answer.json.id) } });
      expect(stored.remoteAddress).toBe('198.51.100.20');
      await expect(exchange(port, healthz('198.51.100.21'))).resolves.toMatch(/^HTTP\/1\.1 200/);
    } finally {
      for (const socket of slow) socket.destroy();
    }
    const capped = await waitUntil(
      async () => (await rejected('intake.tooManyConnections'))[0],
      'the closing written down',
    );
    expect(capped.rejection!.params).toMatchObject({ address: stranger, limit: 64 });
    const detail = await serve.api('getEvent', { params: { id: capped.id } });
    expect(detail.remoteAddress).toBe(stranger);
    // The stranger's places come back as its requests end.
    await waitUntil(
      async () => /^HTTP\/1\.1 200/.test(await exchange(port, healthz(stranger))),
      'the stranger answered again',
    );
  });

  it('counts an IPv6 sender by its /64, so a stranger cannot be a new sender with each of its addresses', async () => {
    const [pos] = await serve.api('listSources');
    const slow: Socket[] = [];
    try {
      for (let n = 1; n <= 64; n++) {
        const socket = connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.write(
          `POST ${pathOf(pos!.ingestUrl)} HTTP/1.1\r\nHost: shop.ngrok-free.dev\r\n` +
            `X-Forwarded-For: 2001:db8:1:2::${n.toString(16)}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"slow":',
        );
        slow.push(socket);
      }
      await waitUntil(
        async () => (await exchange(port, healthz('2001:db8:1:2:ffff:ffff:ffff:ffff'))) === '',
        'the 65th request from the same /64 closed',
      );
      const answer = await post(`${tunnel}${pathOf(pos!.ingestUrl)}`, '{"from":"another network"}', {
        ...json,
        'X-Forwarded-For': '2001:db8:1:3::1',
      });
      expect(answer.status).toBe(200);
      const stored = await serve.api('getEvent', { params: { id: String(answer.json.id) } });
      expect(stored.remoteAddress).toBe('2001:db8:1:3::1');
    } finally {
      for (const socket of slow) socket.destroy();
    }
    await waitUntil(
      async () => /^HTTP\/1\.1 200/.test(await exchange(port, healthz('2001:db8:1:2::1'))),
      'the /64 answered again',
    );
  });

  it('counts failed verifications per internet address, so one sender’s forged flood does not turn another away', async () => {
    const source = await serve.api('createSource', {
      body: { name: 'Keyed', kind: 'generic', verification: { type: 'header', header: 'X-Shop-Key', value: 'right' } },
    });
    const url = `${tunnel}${pathOf(source.ingestUrl)}`;
    const forger = '203.0.113.8';
    const statuses: number[] = [];
    let last: Record<string, unknown> = {};
    for (let n = 0; n <= FAILED_VERIFICATIONS_PER_MINUTE; n++) {
      const answer = await post(url, '{}', { ...json, 'X-Shop-Key': 'wrong', 'X-Forwarded-For': forger });
      statuses.push(answer.status);
      last = answer.json;
    }
    expect(statuses.slice(0, FAILED_VERIFICATIONS_PER_MINUTE).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(last.error).toMatch(/^Too many requests from 203\.0\.113\.8 failed/);

    // Another sender with a wrong key is told so (401), not turned away with the forger (429)…
    const other = await post(url, '{}', { ...json, 'X-Shop-Key': 'wrong', 'X-Forwarded-For': '198.51.100.30' });
    expect(other.status).toBe(401);
    // …and neither is a forger who writes another address left of ngrok's entry.
    const disguised = await post(url, '{}', {
      ...json,
      'X-Shop-Key': 'wrong',
      'X-Forwarded-For': `198.51.100.31, ${forger}`,
    });
    expect(disguised.status).toBe(429);
    const right = await post(url, '{"n":1}', { ...json, 'X-Shop-Key': 'right', 'X-Forwarded-For': '198.51.100.30' });
    expect(right.status).toBe(200);
  });

  it('takes no forwarding header on the intake listener: a device on the shop’s network cannot choose its address', async () => {
    const pos = await serve.posUrl();
    const answer = await post(pos, '{"from":"the shop network"}', { ...json, 'X-Forwarded-For': '198.51.100.40' });
    expect(answer.status).toBe(200);
    expect(answer.json.duplicate).toBeUndefined();
    const stored = await serve.api('getEvent', { params: { id: String(answer.json.id) } });
    expect(stored.remoteAddress).toBe('127.0.0.1');
  });

  it('serves nothing of the dashboard or the admin API through the tunnel: only /in/<token> and /healthz', async () => {
    const admin = { authorization: `Bearer ${serve.runtime.adminToken}` };
    const { pathname } = new URL(serve.runtime.dashboardUrl);
    const tried = [
      ['GET', '/'],
      ['GET', pathname],
      ['GET', '/index.html'],
      ['GET', '/api/settings'],
      ['GET', '/api/sources'],
      ['GET', '/api/events'],
      ['GET', '/api/stream'],
      ['GET', '/api/public-address'],
      ['POST', '/api/sources'],
      ['PUT', '/api/settings'],
      ['GET', '/assets/index.js'],
      ['GET', '/in/'],
    ] as const;
    for (const [method, path] of tried) {
      const response = await fetch(`${tunnel}${path}`, {
        method,
        headers: { ...admin, ...json, 'X-Forwarded-For': '198.51.100.50' },
        body: method === 'GET' ? undefined : '{}',
      });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.json(), `${method} ${path}`).toEqual({
        error: 'Hookferry takes webhooks at /in/<token> only: POST each one to a source’s intake URL.',
      });
    }
    await expect(fetch(`${tunnel}/healthz`).then((response) => response.json())).resolves.toEqual({ ok: true });
  });
});

describe('slow senders behind the ngrok tunnel (short timeouts)', () => {
  it('writes a request cut off as too slow under the internet address it came from', async () => {
    // HOOKFERRY_TEST_INTAKE_TIMEOUT_MS shortens the 30 s request timeout so the cut comes in 1.5 s.
    const { serve, tunnel } = await engineWithTunnel({ HOOKFERRY_TEST_INTAKE_TIMEOUT_MS: '1500' });
    try {
      const [pos] = await serve.api('listSources');
      const port = Number(new URL(tunnel).port);
      const answers = await Promise.all([
        exchange(
          port,
          `POST ${pathOf(pos!.ingestUrl)} HTTP/1.1\r\nHost: shop.ngrok-free.dev\r\nX-Forwarded-For: 203.0.113.9\r\n` +
            'Content-Type: application/json\r\nContent-Length: 600\r\n\r\n{',
        ),
        // Headers that never end say no sender: the entry names the agent instead of claiming 127.0.0.1.
        exchange(port, `POST ${pathOf(pos!.ingestUrl)} HTTP/1.1\r\nHost: shop.ngrok-free.dev\r\n`),
      ]);
      for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 408/);
      let slow: EventListItem[] = [];
      await waitUntil(
        async () =>
          (slow = (await serve.api('listEvents', { query: { status: 'rejected' } })).items.filter(
            (event) => event.rejection?.code === 'intake.tooSlow',
          )).length >= 2,
        'both cut-off requests written down',
      );
      const byAddress: Record<string, EventListItem> = Object.fromEntries(
        slow.map((event) => [String(event.rejection!.params.address), event]),
      );
      expect(Object.keys(byAddress).sort()).toEqual(['203.0.113.9', 'ngrok']);
      expect(byAddress['203.0.113.9']).toMatchObject({ sourceName: 'POS', rejection: { params: { count: 1 } } });
      const detail = await serve.api('getEvent', { params: { id: byAddress['203.0.113.9']!.id } });
      expect(detail.remoteAddress).toBe('203.0.113.9');
    } finally {
      await serve.stop();
    }
  });
});
