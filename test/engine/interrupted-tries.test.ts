import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A try on the wire when the engine stops (closed by the merchant, or killed) got no answer; the destination's
 * own log has it. The next start writes it down as cut off, so the event's history shows both tries the
 * destination saw, instead of one and a hidden double delivery.
 */

let receiver: Server | null = null;
let serve: ServeProcess | null = null;
afterEach(async () => {
  receiver?.closeAllConnections();
  receiver?.close();
  await serve?.kill();
  serve = null;
});

/** A destination that keeps each request unanswered while `hang` is set; `seen` is its log of webhook ids. */
async function hangingReceiver() {
  const state = { hang: true, seen: [] as string[] };
  receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      state.seen.push(String(request.headers['webhook-id']));
      if (!state.hang) response.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, state };
}

async function orderOnTheWire(dataDir: string) {
  const destination = await hangingReceiver();
  serve = await startServe(dataDir);
  const created = await serve.api('createDestination', {
    body: { name: 'Sổ kế toán', url: destination.url, events: ['*'], timeoutMs: 60_000 },
  });
  const { json } = await post(await serve.posUrl(), teamcropOrderRaw, {
    'content-type': 'application/json',
    'Tc-Webhook-Event': 'order.add',
  });
  const eventId = String(json.id);
  await waitUntil(() => destination.state.seen.includes(eventId), 'the order reaching the destination');
  return { destination, destinationId: created.id, eventId };
}

async function afterRestart(dataDir: string, eventId: string, destination: { state: { hang: boolean } }) {
  destination.state.hang = false;
  serve = await startServe(dataDir);
  return waitUntil(async () => {
    const event = await serve!.api('getEvent', { params: { id: eventId } });
    return event.status === 'delivered' ? event : null;
  }, 'the order delivered after the restart');
}

describe('a try cut off by a stop (real serve, a destination that does not answer)', () => {
  it('is written down when the engine is closed (SIGTERM), and the order goes again at the next start', async () => {
    const dataDir = tempDir();
    const { destination, destinationId, eventId } = await orderOnTheWire(dataDir);
    await serve!.stop();
    serve = null;
    const event = await afterRestart(dataDir, eventId, destination);
    expect(destination.state.seen).toEqual([eventId, eventId]);
    const [cutOff, delivered] = event.deliveries[0]!.attempts;
    expect(event.deliveries[0]!.attempts).toHaveLength(2);
    expect(cutOff).toMatchObject({
      category: 'interrupted',
      httpStatus: null,
      reason: { code: 'delivery.interrupted' },
      error: expect.stringMatching(/^Hookferry stopped .* the destination may get it twice\.$/),
    });
    // Closed after the engine's grace for tries still out: it was on the wire for a while.
    expect(cutOff!.durationMs).toBeGreaterThan(0);
    expect(delivered).toMatchObject({ category: 'delivered', httpStatus: 200 });
    // A stop of Hookferry's own says nothing of the destination: its rate counts the answer only.
    const figures = (await serve!.api('getStats')).destinations.find((entry) => entry.id === destinationId)!;
    expect(figures).toMatchObject({ successRate: 1, health: 'healthy', lastError: null });
  });

  it('is written down when the engine is killed (SIGKILL), from the mark set before the try went out', async () => {
    const dataDir = tempDir();
    const { destination, eventId } = await orderOnTheWire(dataDir);
    await serve!.kill();
    serve = null;
    const event = await afterRestart(dataDir, eventId, destination);
    expect(destination.state.seen).toEqual([eventId, eventId]);
    expect(event.deliveries[0]!.attempts.map((attempt) => attempt.category)).toEqual(['interrupted', 'delivered']);
    expect(event.deliveries[0]!.attempts[0]).toMatchObject({ reason: { code: 'delivery.interrupted' } });
    // Written down once: a third start finds no try left marked on the wire.
    await serve!.stop();
    serve = await startServe(dataDir);
    const again = await serve.api('getEvent', { params: { id: eventId } });
    expect(again.deliveries[0]!.attempts).toHaveLength(2);
    expect(again.status).toBe('delivered');
  });
});
