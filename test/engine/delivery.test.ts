import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import type { DestinationCreate } from '../../main/api/contract.js';
import { orderAdd, post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const teamcrop = orderAdd;

/** A short policy so retries happen within a test: 200 ms, ×2, 4 attempts. */
const quickRetry = { maxAttempts: 4, initialDelayMs: 200, multiplier: 2, maxDelayMs: 5000 };

async function setup(destination: Partial<DestinationCreate> = {}) {
  const serve = await startServe(tempDir());
  const sink = await startSink();
  const created = await serve.api('createDestination', {
    body: { name: 'Sink', url: sink.url, retry: quickRetry, ...destination },
  });
  return { serve, sink, destination: created, pos: await serve.posUrl() };
}

async function eventWhen(serve: ServeProcess, id: string, status: string) {
  return waitUntil(async () => {
    const event = await serve.api('getEvent', { params: { id } });
    return event.status === status ? event : null;
  }, `event ${id} becoming ${status}`);
}

describe('delivery to a webhook destination (real serve, scripted sink)', () => {
  it('forwards the body byte for byte with a stable webhook-id and our headers, and marks the event delivered', async () => {
    const { serve, sink, pos } = await setup();
    const { json } = await post(pos, teamcropOrderRaw, teamcrop);
    const [request] = await sink.waitFor(1);
    expect(request!.body.equals(teamcropOrderRaw)).toBe(true);
    expect(request!.method).toBe('POST');
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': json.id,
      'x-hookferry-event': 'order.add',
      'x-hookferry-source': 'POS',
      'user-agent': expect.stringMatching(/^Hookferry\//),
    });
    const event = await eventWhen(serve, String(json.id), 'delivered');
    expect(event.deliveries).toHaveLength(1);
    expect(event.deliveries[0]).toMatchObject({ status: 'delivered', attemptCount: 1, destinationName: 'Sink' });
    expect(event.deliveries[0]!.attempts[0]).toMatchObject({
      category: 'delivered',
      httpStatus: 200,
      responseSnippet: '{"ok":true}',
    });
    await serve.stop();
  });

  it('signs with Standard Webhooks, verified by the reference implementation', async () => {
    const secret = `whsec_${Buffer.from('a-32-byte-secret-for-the-test!!!').toString('base64')}`;
    const { serve, sink, pos } = await setup({
      settings: { signingSecret: secret, headers: [{ name: 'X-Api-Key', value: 'sink-key-1', secret: true }] },
    });
    await post(pos, teamcropOrderRaw, teamcrop);
    const [request] = await sink.waitFor(1);
    const headers = Object.fromEntries(Object.entries(request!.headers).map(([k, v]) => [k, String(v)]));
    expect(new Webhook(secret).verify(request!.body.toString('utf8'), headers)).toEqual(
      JSON.parse(teamcropOrderRaw.toString('utf8')),
    );
    expect(headers['x-api-key']).toBe('sink-key-1');
    const [listed] = await serve.api('listDestinations');
    expect(listed).toMatchObject({
      secretsSet: { signingSecret: true },
      settings: { headers: [{ name: 'X-Api-Key', value: null, secret: true, valueSet: true }] },
    });
    expect(JSON.stringify(listed)).not.toContain('sink-key-1');
    await serve.stop();
  });

  it('retries failures with backoff and the same webhook-id, and delivers when the receiver recovers', async () => {
    const { serve, sink, pos } = await setup();
    sink.script((_, n) => (n < 2 ? { status: 500 } : { status: 200 }));
    const { json } = await post(pos, '{"id":1}', teamcrop);
    const requests = await sink.waitFor(3);
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([json.id]));
    const gaps = [requests[1]!.at - requests[0]!.at, requests[2]!.at - requests[1]!.at];
    // 200 ms then 400 ms, each ±10% jitter.
    expect(gaps[0]).toBeGreaterThanOrEqual(180);
    expect(gaps[1]).toBeGreaterThanOrEqual(360);
    const event = await eventWhen(serve, String(json.id), 'delivered');
    expect(event.deliveries[0]!.attempts.map((a) => [a.category, a.httpStatus])).toEqual([
      ['http', 500],
      ['http', 500],
      ['delivered', 200],
    ]);
    expect(event.deliveries[0]!.attempts[0]).toMatchObject({
      error:
        'The destination answered 500 Internal Server Error: the problem is on its side. If this goes on, tell whoever runs it.',
      reason: { code: 'delivery.serverError', params: { status: '500 Internal Server Error' } },
    });
    expect(event.deliveries[0]!.attempts[2]!.reason).toBeNull();
    await serve.stop();
  });

  it('gives up after the last attempt, then resend-failed delivers it; discard ends a failure', async () => {
    const { serve, sink, pos, destination } = await setup({ retry: { ...quickRetry, maxAttempts: 3 } });
    sink.script(() => ({ status: 503 }));
    const first = await post(pos, '{"id":1}', teamcrop);
    const second = await post(pos, '{"id":2}', teamcrop);
    const failed = await eventWhen(serve, String(first.json.id), 'failed');
    expect(failed.deliveries[0]).toMatchObject({ status: 'failed', attemptCount: 3, nextAttemptAt: null });
    await eventWhen(serve, String(second.json.id), 'failed');
    expect(sink.received).toHaveLength(6);

    sink.script(() => ({ status: 200 }));
    expect(await serve.api('resendFailed', { params: { id: destination.id } })).toMatchObject({ queued: 2 });
    const delivered = await eventWhen(serve, String(first.json.id), 'delivered');
    expect(delivered.deliveries[0]!.attempts).toHaveLength(4);
    expect(delivered.deliveries[0]!.attemptCount).toBe(1);
    await eventWhen(serve, String(second.json.id), 'delivered');

    sink.script(() => ({ status: 500 }));
    const third = await post(pos, '{"id":3}', teamcrop);
    await eventWhen(serve, String(third.json.id), 'failed');
    expect(await serve.api('discardFailed', { params: { id: destination.id } })).toEqual({ discarded: 1 });
    const discarded = await eventWhen(serve, String(third.json.id), 'discarded');
    expect(discarded.deliveries[0]!.status).toBe('discarded');
    await serve.stop();
  });

  it('stops at once on 410 Gone', async () => {
    const { serve, sink, pos } = await setup();
    sink.script(() => ({ status: 410 }));
    const { json } = await post(pos, '{"id":1}', teamcrop);
    const event = await eventWhen(serve, String(json.id), 'failed');
    expect(event.deliveries[0]!.attempts.map((a) => a.category)).toEqual(['gone']);
    expect(sink.received).toHaveLength(1);
    await serve.stop();
  });

  it('honours Retry-After, within the cap', async () => {
    const { serve, sink, pos } = await setup({
      retry: { maxAttempts: 3, initialDelayMs: 100, multiplier: 1, maxDelayMs: 1500 },
    });
    sink.script((_, n) =>
      n === 0
        ? { status: 429, headers: { 'retry-after': '1' } }
        : n === 1
          ? { status: 429, headers: { 'retry-after': '3600' } }
          : { status: 200 },
    );
    await post(pos, '{"id":1}', teamcrop);
    const requests = await sink.waitFor(3);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(950);
    const capped = requests[2]!.at - requests[1]!.at;
    expect(capped).toBeGreaterThanOrEqual(1400);
    expect(capped).toBeLessThan(3000);
    await serve.stop();
  });

  it('records timeouts and connection resets, and retries both', async () => {
    const { serve, sink, pos } = await setup({ timeoutMs: 1000 });
    sink.script((_, n) => (n === 0 ? { hang: true } : n === 1 ? { reset: true } : { status: 200 }));
    const { json } = await post(pos, '{"id":1}', teamcrop);
    const event = await eventWhen(serve, String(json.id), 'delivered');
    const attempts = event.deliveries[0]!.attempts;
    expect(attempts.map((a) => a.category)).toEqual(['timeout', 'network', 'delivered']);
    // The sink read each body before it hung or cut: the order may have arrived, and the sentences say so.
    expect(attempts[0]).toMatchObject({
      error: expect.stringMatching(
        /^No answer within 1 s\. The event was sent, so the destination may have received it/,
      ),
      reason: { code: 'delivery.timeoutSent', params: { seconds: 1 } },
    });
    expect(attempts[0]!.durationMs).toBeGreaterThanOrEqual(950);
    expect(attempts[1]).toMatchObject({
      error: expect.stringMatching(/was cut after the event was sent, before an answer came/),
      reason: { code: 'delivery.resetSent', params: { host: expect.stringMatching(/^127\.0\.0\.1:\d+$/) } },
    });
    await serve.stop();
  });

  it('creates no delivery for an unsubscribed event, and says why', async () => {
    const { serve, sink, pos } = await setup({ events: ['customer.*'] });
    const { json } = await post(pos, '{"id":1}', teamcrop);
    const event = await serve.api('getEvent', { params: { id: String(json.id) } });
    expect(event).toMatchObject({
      status: 'received',
      deliveries: [],
      routing:
        'No destination takes order.add. To send such events, choose this kind in a destination’s events under Destinations.',
      routingReason: { code: 'routing.notTaken', params: { type: 'order.add' } },
    });
    await post(pos, '{"id":2}', { 'content-type': 'application/json', 'Tc-Webhook-Event': 'customer.add' });
    await sink.waitFor(1);
    expect(sink.received[0]!.headers['x-hookferry-event']).toBe('customer.add');
    await serve.stop();
  });

  it('waits while a destination is paused, and while all deliveries are paused; nothing is dropped', async () => {
    const { serve, sink, pos, destination } = await setup({ paused: true });
    const { json } = await post(pos, '{"id":1}', teamcrop);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.received).toHaveLength(0);
    expect((await serve.api('getEvent', { params: { id: String(json.id) } })).deliveries[0]!.status).toBe('pending');
    expect((await serve.api('getStats')).destinations[0]).toMatchObject({ health: 'paused', backlog: 1 });
    await serve.api('putSettings', { body: { deliveriesPaused: true } });
    await serve.api('updateDestination', { params: { id: destination.id }, body: { paused: false } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.received).toHaveLength(0);
    await serve.api('putSettings', { body: { deliveriesPaused: false } });
    await eventWhen(serve, String(json.id), 'delivered');
    expect(sink.received).toHaveLength(1);
    await serve.stop();
  });

  it('in ordered mode holds the line behind a failing event and delivers strictly in order', async () => {
    const { serve, sink, pos } = await setup({
      ordered: true,
      retry: { maxAttempts: 10, initialDelayMs: 300, multiplier: 1, maxDelayMs: 300 },
    });
    sink.script((request) =>
      request.body.toString() === '{"n":1}' && sink.received.filter((r) => r.body.toString() === '{"n":1}').length <= 3
        ? { status: 500 }
        : { status: 200 },
    );
    const ids: string[] = [];
    for (let n = 1; n <= 4; n++) ids.push(String((await post(pos, `{"n":${n}}`, teamcrop)).json.id));
    await waitUntil(() => sink.received.length >= 2, 'a retry of the head');
    const held = await serve.api('getEvent', { params: { id: ids[2]! } });
    expect(held.deliveries[0]).toMatchObject({
      status: 'pending',
      nextAttemptAt: null,
      heldBy: { eventId: ids[0], label: 'order.add' },
    });
    expect((await serve.api('getStats')).destinations[0]!.heldBy).toMatchObject({ eventId: ids[0] });
    for (const id of ids) await eventWhen(serve, id, 'delivered');
    const order = sink.received.map((r) => r.body.toString());
    expect(order).toEqual(['{"n":1}', '{"n":1}', '{"n":1}', '{"n":1}', '{"n":2}', '{"n":3}', '{"n":4}']);
    expect(sink.maxConcurrent()).toBe(1);
    await serve.stop();
  });

  it('sends up to its concurrency in parallel, and only one probe at a time once failing', async () => {
    const { serve, sink, pos } = await setup({
      concurrency: 4,
      retry: { maxAttempts: 2, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
    });
    sink.script(() => ({ delayMs: 150, status: 200 }));
    for (let n = 0; n < 8; n++) await post(pos, `{"n":${n}}`, teamcrop);
    await sink.waitFor(8);
    expect(sink.maxConcurrent()).toBe(4);

    const failingSink = await startSink();
    failingSink.script(() => ({ delayMs: 100, status: 500 }));
    const failing = await serve.api('createDestination', {
      body: {
        name: 'Down',
        url: failingSink.url,
        events: ['down.*'],
        concurrency: 8,
        retry: { maxAttempts: 3, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
    for (let n = 0; n < 5; n++)
      await post(pos, `{"n":${n}}`, { 'content-type': 'application/json', 'X-Event-Type': 'down.one' });
    await waitUntil(
      async () => (await serve.api('getStats')).destinations.find((d) => d.id === failing.id)!.health === 'failing',
      'the destination to count as failing',
    );
    const before = failingSink.received.length;
    for (let n = 0; n < 6; n++)
      await post(pos, `{"m":${n}}`, { 'content-type': 'application/json', 'X-Event-Type': 'down.two' });
    await failingSink.waitFor(before + 6);
    const after = failingSink.received.slice(before);
    // Once failing, each try starts only after the previous answered: one probe at a time.
    for (let i = 1; i < after.length; i++) expect(after[i]!.at - after[i - 1]!.at).toBeGreaterThanOrEqual(90);
    const stats = (await serve.api('getStats')).destinations.find((d) => d.id === failing.id)!;
    expect(stats).toMatchObject({
      health: 'failing',
      lastError:
        'The destination answered 500 Internal Server Error: the problem is on its side. If this goes on, tell whoever runs it.',
      successRate: 0,
    });
    await serve.stop();
  });

  it('resends one delivery from the first attempt, keeping its history, and resends an event to a chosen destination', async () => {
    const { serve, sink, pos } = await setup({ retry: { ...quickRetry, maxAttempts: 1 } });
    sink.script((_, n) => (n === 0 ? { status: 500 } : { status: 200 }));
    const { json } = await post(pos, '{"id":1}', teamcrop);
    const failed = await eventWhen(serve, String(json.id), 'failed');
    const resent = await serve.api('resendDelivery', { params: { id: failed.deliveries[0]!.id } });
    expect(resent).toMatchObject({ attemptCount: 0 });
    const delivered = await eventWhen(serve, String(json.id), 'delivered');
    expect(delivered.deliveries[0]!.attempts.map((a) => a.httpStatus)).toEqual([500, 200]);

    const second = await startSink();
    const other = await serve.api('createDestination', {
      body: { name: 'Second', url: second.url, events: ['nothing.matches'] },
    });
    expect(
      await serve.api('resendEvent', { params: { id: String(json.id) }, body: { destinationIds: [other.id] } }),
    ).toEqual({ queued: 1, sending: 0, waiting: 0 });
    await second.waitFor(1);
    expect(second.received[0]!.headers['webhook-id']).toBe(json.id);
    await waitUntil(
      async () =>
        (await eventWhen(serve, String(json.id), 'delivered')).deliveries.every((d) => d.status === 'delivered'),
      'both deliveries done',
    );
    // Both confirmed it: resent only when asked to be (the drawer's "Resend anyway").
    expect(
      await serve.api('resendEvent', { params: { id: String(json.id) }, body: { evenIfDelivered: true } }),
    ).toEqual({
      queued: 2,
      sending: 0,
      waiting: 0,
    });
    await sink.waitFor(3);
    await serve.stop();
  });

  it('sends a test event on request and reports the answer', async () => {
    const { serve, sink, destination } = await setup();
    const result = await serve.api('testDestination', { params: { id: destination.id } });
    expect(result).toMatchObject({ ok: true, httpStatus: 200, error: null });
    expect(JSON.parse(sink.received[0]!.body.toString())).toMatchObject({ event: 'hookferry.test' });
    sink.script(() => ({ status: 401 }));
    expect(await serve.api('testDestination', { params: { id: destination.id } })).toMatchObject({
      ok: false,
      httpStatus: 401,
      error: "The destination answered 401 Unauthorized: check the credentials in the destination's headers.",
    });
    // A failed test is tried once and put aside: it is no failed order, and nothing waits in Failed for it.
    const [failedTest] = (await serve.api('listEvents', { query: {} })).items;
    expect(failedTest).toMatchObject({ test: true, status: 'discarded' });
    expect((await serve.api('listDeliveries', { query: { status: 'failed' } })).items).toEqual([]);
    // Tests are not orders: the overview's counts for today leave both out.
    const { today } = await serve.api('getStats');
    expect(Object.values(today).reduce((sum, n) => sum + n, 0)).toBe(0);
    await serve.stop();
  });

  it('calls a destination never tried "untried", not healthy, until something is sent to it, also after a restart', async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir);
    const sink = await startSink();
    const body = { url: sink.url, retry: quickRetry };
    await serve.api('createDestination', { body: { ...body, name: 'Orders', events: ['order.*'] } });
    const quiet = await serve.api('createDestination', { body: { ...body, name: 'Quiet', events: ['stock.*'] } });
    const health = async () =>
      Object.fromEntries((await serve.api('getStats')).destinations.map((entry) => [entry.name, entry.health]));
    expect(await health()).toEqual({ Orders: 'untried', Quiet: 'untried' });

    await post(await serve.posUrl(), teamcropOrderRaw, teamcrop);
    await sink.waitFor(1);
    await waitUntil(async () => (await health()).Orders === 'healthy', 'Orders healthy after its first delivery');
    expect(await health()).toEqual({ Orders: 'healthy', Quiet: 'untried' });

    await serve.stop();
    serve = await startServe(dataDir);
    expect(await health()).toEqual({ Orders: 'healthy', Quiet: 'untried' });
    // A test event is no order: one answered 500 leaves Quiet untried, and it is said apart as the last test.
    sink.script(() => ({ status: 500 }));
    await serve.api('testDestination', { params: { id: quiet.id } });
    expect(await health()).toEqual({ Orders: 'healthy', Quiet: 'untried' });
    const figures = async (name: string) =>
      (await serve.api('getStats')).destinations.find((entry) => entry.name === name)!;
    expect(await figures('Quiet')).toMatchObject({
      tried: false,
      successRate: null,
      lastError: null,
      lastTest: { ok: false, httpStatus: 500, reason: { code: 'delivery.serverError' } },
    });
    // Nor does a failed test to a destination whose orders go through move its rate or its badge.
    await serve.api('testDestination', { params: { id: (await figures('Orders')).id } });
    expect(await figures('Orders')).toMatchObject({
      health: 'healthy',
      successRate: 1,
      lastError: null,
      lastTest: { ok: false, httpStatus: 500 },
    });
    // The last test is still there after a restart, still apart.
    await serve.stop();
    serve = await startServe(dataDir);
    expect(await health()).toEqual({ Orders: 'healthy', Quiet: 'untried' });
    expect(await figures('Quiet')).toMatchObject({ successRate: null, lastTest: { ok: false, httpStatus: 500 } });
    await serve.stop();
  });

  it('reads a destination whose last try failed days before a restart as failing, with why its order waits in Failed', async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir);
    const sink = await startSink();
    sink.script(() => ({ status: 500 }));
    const destination = await serve.api('createDestination', {
      body: { name: 'Books', url: sink.url, retry: { ...quickRetry, maxAttempts: 1 } },
    });
    const { json } = await post(await serve.posUrl(), teamcropOrderRaw, teamcrop);
    await eventWhen(serve, String(json.id), 'failed');
    await serve.stop();
    // Two days pass: the failed try is older than the figures' day.
    const db = new Database(join(dataDir, 'hookferry.db'));
    const twoDays = 2 * 24 * 3_600_000;
    db.prepare('UPDATE attempts SET started_at = started_at - ?').run(twoDays);
    db.prepare('UPDATE deliveries SET updated_at = updated_at - ?, next_attempt_at = NULL').run(twoDays);
    db.close();

    serve = await startServe(dataDir);
    const [card] = (await serve.api('getStats')).destinations;
    expect(card).toMatchObject({
      id: destination.id,
      health: 'failing',
      failed: 1,
      successRate: null,
      lastReason: { code: 'delivery.serverError' },
    });
    expect(Date.now() - Date.parse(card!.lastErrorAt!)).toBeGreaterThan(twoDays - 60_000);
    await serve.stop();
  });

  it('streams each attempt on the live log', async () => {
    const { serve, sink, pos } = await setup();
    sink.script((_, n) => (n === 0 ? { status: 500 } : { status: 200 }));
    const controller = new AbortController();
    const response = await fetch(`${serve.runtime.adminUrl}/api/stream`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
      signal: controller.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await post(pos, '{"id":1}', teamcrop);
    const seen: string[] = [];
    let buffer = '';
    while (!seen.includes('delivered')) {
      const { value } = await reader.read();
      buffer += value;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines.filter((l) => l.startsWith('data: '))) {
        const message = JSON.parse(line.slice(6)) as { type: string; delivery: { status: string } };
        if (message.type === 'delivery') seen.push(message.delivery.status);
      }
    }
    controller.abort();
    // The retry is told when it goes out too, so an open drawer does not keep a next-try time gone by.
    expect(seen).toEqual(['retrying', 'delivering', 'delivered']);
    await serve.stop();
  });
});

describe('at least once through a crash', () => {
  it('delivers every event after kill -9 in the middle of deliveries', async () => {
    const dataDir = tempDir();
    const sink: Sink = await startSink();
    sink.script(() => ({ delayMs: 400, status: 200 }));
    const serve = await startServe(dataDir);
    await serve.api('createDestination', { body: { name: 'Slow', url: sink.url, concurrency: 4 } });
    const pos = await serve.posUrl();
    const ids: string[] = [];
    for (let n = 0; n < 20; n++) ids.push(String((await post(pos, `{"n":${n}}`, teamcrop)).json.id));
    await sink.waitFor(2);
    await serve.kill();

    sink.script(() => ({ status: 200 }));
    const again = await startServe(dataDir);
    for (const id of ids) await eventWhen(again, id, 'delivered');
    const deliveredIds = new Set(sink.received.map((r) => String(r.headers['webhook-id'])));
    expect(ids.filter((id) => !deliveredIds.has(id))).toEqual([]);
    await again.stop();
  });
});
