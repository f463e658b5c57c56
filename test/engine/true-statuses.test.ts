import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DestinationCreate } from '../../main/api/contract.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * What the engine says happened to an order, held against what the destination's own log saw: one real
 * serve on 127.0.0.1, destinations that misbehave the way real ones do. Each test has its own event type,
 * so each order goes to that test's destination only.
 */

const quick = { maxAttempts: 2, initialDelayMs: 200, multiplier: 1, maxDelayMs: 1000 };

let serve: ServeProcess;
let pos: string;
const servers: Server[] = [];
const netServers: NetServer[] = [];

beforeAll(async () => {
  serve = await startServe(tempDir());
  pos = await serve.posUrl();
});
afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  for (const server of servers) server.close();
  for (const server of netServers) server.close();
  await serve.stop();
});

/** A destination's own server, answering as `handle` does; `seen` is its log of the orders it read whole. */
async function receiver(handle: RequestListener): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      seen.push(String(request.headers['webhook-id']));
      handle(request, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, seen };
}

let types = 0;
/** A destination taking one event type of its own (or `type`), and an order of that type posted to it. */
async function orderTo(url: string, destination: Partial<DestinationCreate> = {}, type = `order.truth${++types}`) {
  const created = await serve.api('createDestination', {
    body: { name: `Truth ${type}`, url, events: [type], retry: quick, ...destination },
  });
  const { json } = await post(pos, teamcropOrderRaw, { 'content-type': 'application/json', 'Tc-Webhook-Event': type });
  return { eventId: String(json.id), destinationId: created.id };
}

async function settled(eventId: string) {
  return waitUntil(async () => {
    const event = await serve.api('getEvent', { params: { id: eventId } });
    return event.status === 'delivered' || event.status === 'failed' ? event : null;
  }, `event ${eventId} settling`);
}

async function figuresOf(destinationId: string) {
  return (await serve.api('getStats')).destinations.find((entry) => entry.id === destinationId)!;
}

describe('statuses held against the destination’s own log (real serve)', () => {
  it('says an order answered too late may have arrived, and may arrive twice; the last try says to look first', async () => {
    const slow = await receiver((_, response) => setTimeout(() => response.end('ok'), 1500));
    const { eventId, destinationId } = await orderTo(slow.url, { timeoutMs: 1000 });
    const event = await settled(eventId);
    expect(event.status).toBe('failed');
    // The destination's log: both tries arrived whole.
    expect(slow.seen).toEqual([eventId, eventId]);
    const [first, last] = event.deliveries[0]!.attempts;
    expect(first).toMatchObject({
      category: 'timeout',
      reason: { code: 'delivery.timeoutSent', params: { seconds: 1 } },
      error:
        'No answer within 1 s. The event was sent, so the destination may have received it all the same: Hookferry sends it again, and the destination may get it twice.',
    });
    expect(last).toMatchObject({
      reason: { code: 'delivery.timeoutSentLast', params: { seconds: 1 } },
      error: expect.stringMatching(
        /that was the last try\. .* look there before you resend it, or it may get it twice\.$/,
      ),
    });
    // What the Failed page groups by is the last try's sentence.
    const failed = await serve.api('deliveryCounts', { query: { status: 'failed' } });
    expect(failed.destinations.find((entry) => entry.destinationId === destinationId)!.reasons[0]).toMatchObject({
      reason: { code: 'delivery.timeoutSentLast' },
    });
    // Every try failed: never "healthy".
    expect(await figuresOf(destinationId)).toMatchObject({ health: 'failing', failed: 1, backlog: 0 });
  });

  it('says how fast a destination answers from its answers, not from tries cut off at the timeout', async () => {
    let tries = 0;
    const late = await receiver((_, response) => {
      if (tries++ === 0) setTimeout(() => response.end('ok'), 1500);
      else response.end('ok');
    });
    const { eventId, destinationId } = await orderTo(late.url, { timeoutMs: 1000 });
    const event = await settled(eventId);
    const [timedOut, answered] = event.deliveries[0]!.attempts;
    expect(timedOut).toMatchObject({ category: 'timeout' });
    expect(answered).toMatchObject({ category: 'delivered' });
    // Before, the 1 s of the try that got no answer was its "usually answers within".
    expect(await figuresOf(destinationId)).toMatchObject({ successRate: 0.5, p95Ms: answered!.durationMs });
  });

  it('promises no other try after a test event answered too late, and calls a token request no event', async () => {
    const slow = await receiver((_, response) => setTimeout(() => response.end('{}'), 1500));
    const webhook = await serve.api('createDestination', {
      body: { name: 'Slow test', url: slow.url, events: ['none.at.all'], timeoutMs: 1000 },
    });
    expect(await serve.api('testDestination', { params: { id: webhook.id } })).toMatchObject({
      ok: false,
      reason: { code: 'delivery.timeoutSentLast' },
    });
    const crm = await serve.api('createDestination', {
      body: {
        name: 'Slow Zithara',
        kind: 'zithara',
        url: slow.url.replace(/\/hook$/, '/v1'),
        events: ['none.at.all'],
        timeoutMs: 1000,
        settings: { clientId: 'shop', clientSecret: 'secret' },
      },
    });
    // Before: "…: No answer within 1 s. The event was sent, so the destination may have received it…".
    expect(await serve.api('testDestination', { params: { id: crm.id } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^Hookferry could not reach Zithara at 127\.0\.0\.1:\d+ \(no answer within 1 s\), so it could not ask for access and sent nothing;/,
      ),
    });
  });

  it('says a connection cut after the order was read may have delivered it, and one refused did not', async () => {
    const cut = await receiver((request) => request.socket.resetAndDestroy());
    const { eventId, destinationId } = await orderTo(cut.url);
    const event = await settled(eventId);
    expect(cut.seen).toEqual([eventId, eventId]);
    expect(event.deliveries[0]!.attempts.map((attempt) => attempt.reason?.code)).toEqual([
      'delivery.resetSent',
      'delivery.resetSentLast',
    ]);
    expect(await figuresOf(destinationId)).toMatchObject({ health: 'failing' });

    const closed = await receiver(() => {});
    const port = new URL(closed.url).port;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const refused = await orderTo(`http://127.0.0.1:${port}/hook`);
    expect((await settled(refused.eventId)).deliveries[0]!.attempts.map((attempt) => attempt.reason?.code)).toEqual([
      'delivery.refused',
      'delivery.refused',
    ]);
  });

  it('counts a 200 whose body is cut off or never ends as delivered, once', async () => {
    const cutAnswer = await receiver((request, response) => {
      response.writeHead(200, { 'content-length': '1000' });
      response.write('{"ok":');
      setTimeout(() => request.socket.destroy(), 50);
    });
    const endless = await receiver((_, response) => {
      response.writeHead(200);
      const drip = setInterval(() => response.write('.'), 100);
      response.on('close', () => clearInterval(drip));
    });
    const cut = await orderTo(cutAnswer.url);
    const dripping = await orderTo(endless.url, { timeoutMs: 1000 });
    for (const [{ eventId, destinationId }, log] of [
      [cut, cutAnswer],
      [dripping, endless],
    ] as const) {
      const event = await settled(eventId);
      expect(event.status).toBe('delivered');
      expect(event.deliveries[0]!.attempts).toMatchObject([{ category: 'delivered', httpStatus: 200 }]);
      expect(log.seen).toEqual([eventId]);
      expect(await figuresOf(destinationId)).toMatchObject({ health: 'healthy', successRate: 1 });
    }
  });

  it('says in words, not OpenSSL’s or the parser’s, an https address on a plain port and an answer that is not HTTP', async () => {
    const plain = await receiver((_, response) => response.end('ok'));
    const notHttp = createNetServer((socket) => socket.once('data', () => socket.end('HELLO\r\n\r\n')));
    netServers.push(notHttp);
    await new Promise<void>((resolve) => notHttp.listen(0, '127.0.0.1', resolve));
    const once = { retry: { ...quick, maxAttempts: 1 } };
    const secure = await orderTo(plain.url.replace('http:', 'https:'), once);
    const garbled = await orderTo(`http://127.0.0.1:${(notHttp.address() as AddressInfo).port}/hook`, once);
    expect((await settled(secure.eventId)).deliveries[0]!.attempts[0]).toMatchObject({
      category: 'network',
      reason: { code: 'delivery.notTls' },
      error: expect.stringMatching(/did not answer as a secure \(https\) address\. If it is a plain http address/),
    });
    expect((await settled(garbled.eventId)).deliveries[0]!.attempts[0]).toMatchObject({
      category: 'network',
      reason: { code: 'delivery.notHttp' },
    });
  });

  it('says where a redirect points, and when it points back at the same address', async () => {
    const moved = await receiver((_, response) => {
      response.writeHead(301, { location: '/v2/hook' });
      response.end();
    });
    const circle = await receiver((request, response) => {
      response.writeHead(302, { location: request.url });
      response.end();
    });
    const away = await orderTo(moved.url, { retry: { ...quick, maxAttempts: 1 } });
    const round = await orderTo(circle.url, { retry: { ...quick, maxAttempts: 1 } });
    expect((await settled(away.eventId)).deliveries[0]!.attempts[0]).toMatchObject({
      httpStatus: 301,
      reason: {
        code: 'delivery.redirectTo',
        params: { status: '301 Moved Permanently', location: new URL('/v2/hook', moved.url).href },
      },
    });
    expect((await settled(round.eventId)).deliveries[0]!.attempts[0]).toMatchObject({
      httpStatus: 302,
      reason: { code: 'delivery.redirectSelf' },
    });
    expect(moved.seen).toHaveLength(1);
  });

  it('says the wait a 429 or 503 asked for when it keeps it, and when the destination’s longest wait is shorter', async () => {
    const sink = await startSink();
    sink.script((_, n) =>
      n === 0
        ? { status: 429, headers: { 'retry-after': '1' } }
        : n === 1
          ? { status: 503, headers: { 'retry-after': '3600' } }
          : { status: 200 },
    );
    const { eventId } = await orderTo(sink.url, {
      retry: { maxAttempts: 3, initialDelayMs: 100, multiplier: 1, maxDelayMs: 1000 },
    });
    const event = await settled(eventId);
    expect(event.status).toBe('delivered');
    expect(event.deliveries[0]!.attempts.map((attempt) => attempt.reason)).toEqual([
      { code: 'delivery.askedToWait', params: { status: '429 Too Many Requests', seconds: 1 } },
      {
        code: 'delivery.askedToWaitLonger',
        params: { status: '503 Service Unavailable', asked: 3600, seconds: 1 },
      },
      null,
    ]);
  });

  it('keeps its own schedule when Retry-After is negative, a date already past or unreadable, and says no wait was asked for', async () => {
    const sink = await startSink();
    const asked = ['-5', 'Wed, 21 Oct 2015 07:28:00 GMT', 'soon'];
    sink.script((_, n) =>
      n < asked.length ? { status: 503, headers: { 'retry-after': asked[n]! } } : { status: 200 },
    );
    const { eventId } = await orderTo(sink.url, {
      retry: { maxAttempts: 4, initialDelayMs: 1500, multiplier: 1, maxDelayMs: 1500 },
    });
    const event = await settled(eventId);
    expect(event.status).toBe('delivered');
    const attempts = event.deliveries[0]!.attempts;
    expect(attempts.map((attempt) => attempt.httpStatus)).toEqual([503, 503, 503, 200]);
    for (const attempt of attempts) expect(attempt.reason?.code ?? 'none').not.toMatch(/askedToWait/);
    // The destination's own wait, 1.5 s less at most 10% of jitter, between each try: not the 0 s read before.
    const times = attempts.map((attempt) => Date.parse(attempt.at));
    for (let n = 1; n < times.length; n++) expect(times[n]! - times[n - 1]!).toBeGreaterThanOrEqual(1350);
  });

  it('fails at once, with what to do, an order Zithara refuses for its data, instead of 12 tries over 20 hours', async () => {
    const zithara = await receiver((request, response) => {
      response.writeHead(request.url!.endsWith('/generate-access-token') ? 200 : 400, {
        'content-type': 'application/json',
      });
      response.end(
        request.url!.endsWith('/generate-access-token')
          ? '{"access_token":"T","expires_in":3600}'
          : '{"status":400,"error":"Bad Request","message":"customer.phone_number is not a phone number"}',
      );
    });
    const { eventId } = await orderTo(
      zithara.url.replace(/\/hook$/, '/v1'),
      {
        kind: 'zithara',
        settings: { clientId: 'shop', clientSecret: 'secret', phoneCountryCode: '84', currency: 'VND' },
        retry: { maxAttempts: 12, initialDelayMs: 60_000, multiplier: 2, maxDelayMs: 6 * 3_600_000 },
      },
      'order.add',
    );
    const event = await settled(eventId);
    expect(event.status).toBe('failed');
    expect(event.deliveries[0]!.attempts).toMatchObject([
      {
        category: 'invalid',
        httpStatus: 400,
        reason: {
          code: 'zithara.refusedData',
          // Zithara's `error` only names the status ("Bad Request"): the code says it already.
          params: { status: 400, said: 'customer.phone_number is not a phone number' },
        },
      },
    ]);
  });

  it('calls an order whose destination was deleted while it waited in Failed discarded, not "only stored"', async () => {
    const gone = await receiver((_, response) => {
      response.writeHead(500);
      response.end();
    });
    const { eventId, destinationId } = await orderTo(gone.url);
    expect((await settled(eventId)).status).toBe('failed');
    await serve.api('deleteDestination', { params: { id: destinationId } });
    const event = await serve.api('getEvent', { params: { id: eventId } });
    // Before: "received" and "There are no destinations yet, so this event was only stored", after two tries. Its
    // delivery and tries stay, given up there with the reason.
    expect(event).toMatchObject({ status: 'discarded', routing: null });
    expect(
      event.deliveries.map((d) => [d.destinationDeleted, d.status, d.attempts.length, d.lastReason?.code, d.lastError]),
    ).toEqual([
      [
        true,
        'discarded',
        2,
        'deleted.afterTries',
        'This destination was deleted while the event waited there after tries that did not go through, so the event was given up here; those tries are listed below.',
      ],
    ]);
    expect(gone.seen).toEqual([eventId, eventId]);
  });

  it('sends what waits for a retry at once to a destination’s new address, instead of after the old one’s delay', async () => {
    const closed = await receiver(() => {});
    const port = new URL(closed.url).port;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const { eventId, destinationId } = await orderTo(`http://127.0.0.1:${port}/hook`, {
      retry: { maxAttempts: 5, initialDelayMs: 600_000, multiplier: 1, maxDelayMs: 600_000 },
    });
    await waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id: eventId } });
      return event.deliveries[0]?.status === 'retrying';
    }, 'the first try failing');
    const fixed = await receiver((_, response) => response.end('ok'));
    await serve.api('updateDestination', { params: { id: destinationId }, body: { url: fixed.url } });
    // Before, it waited the 10 minutes the old address's refusal had set.
    const event = await settled(eventId);
    expect(event.status).toBe('delivered');
    expect(event.deliveries[0]!.attempts.map((attempt) => attempt.category)).toEqual(['network', 'delivered']);
    expect(fixed.seen).toEqual([eventId]);
    expect(await figuresOf(destinationId)).toMatchObject({ health: 'healthy' });
  });

  it('counts a delivery on the wire once in the figures the tray and the Failed page add up', async () => {
    const sink = await startSink();
    sink.script(() => ({ hang: true }));
    await orderTo(sink.url, { timeoutMs: 60_000 });
    await sink.waitFor(1);
    const { deliveries } = await serve.api('getStats');
    expect(deliveries.delivering).toBe(1);
    // Before, the same delivery was also counted as pending: "2 waiting to be delivered" for one order.
    expect(deliveries.pending + deliveries.retrying + deliveries.delivering).toBe(1);
  });
});
