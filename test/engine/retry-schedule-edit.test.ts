import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../main/api/contract.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A shop owner set a destination's tries to 2, first retry after 5 s: an order already past its second try still
 * showed a third try planned, on the old schedule. An edited schedule applies to what waits for a retry.
 */

let serve: ServeProcess;
let pos: string;

beforeAll(async () => {
  serve = await startServe(tempDir());
  pos = await serve.posUrl();
});
afterAll(async () => {
  await serve.stop();
});

/** Ten minutes: what the destination asks with Retry-After, so the old schedule's next try is far away. */
const LATER = { status: 500, headers: { 'retry-after': '600' } };
const patient: RetryPolicy = { maxAttempts: 12, initialDelayMs: 200, multiplier: 1, maxDelayMs: 600_000 };

let types = 0;
async function failingOrder(answers: (index: number) => { status: number; headers?: Record<string, string> }) {
  const sink = await startSink();
  sink.script((_, index) => answers(index));
  const type = `order.schedule${++types}`;
  const destination = await serve.api('createDestination', {
    body: { name: `Schedule ${type}`, url: sink.url, events: [type], retry: patient },
  });
  const { json } = await post(pos, teamcropOrderRaw, { 'content-type': 'application/json', 'Tc-Webhook-Event': type });
  return { sink, eventId: String(json.id), destinationId: destination.id };
}

async function deliveryOf(eventId: string) {
  return (await serve.api('getEvent', { params: { id: eventId } })).deliveries[0]!;
}

describe('an edited retry schedule applies to what waits for a retry (real serve)', () => {
  it('gives an order already past the new total its last try at once, then fails it, instead of a try the schedule no longer has', async () => {
    // The first try fails and comes back soon; the second asks for ten minutes.
    const { sink, eventId, destinationId } = await failingOrder((index) => (index === 0 ? { status: 500 } : LATER));
    await waitUntil(
      async () => (await deliveryOf(eventId)).attemptCount === 2 && (await deliveryOf(eventId)).status === 'retrying',
      'the second try failing',
    );
    await serve.api('updateDestination', {
      params: { id: destinationId },
      body: { retry: { maxAttempts: 2, initialDelayMs: 5000 } },
    });
    const failed = await waitUntil(async () => {
      const delivery = await deliveryOf(eventId);
      return delivery.status === 'failed' ? delivery : null;
    }, 'the last try under the new schedule');
    // One try more, at once, and no plan after it: the order waits in Failed, not lost.
    expect(failed.attempts).toHaveLength(3);
    expect(failed.nextAttemptAt).toBeNull();
    expect(sink.received).toHaveLength(3);
    expect((await serve.api('getEvent', { params: { id: eventId } })).status).toBe('failed');
  });

  it('gives an order within the new total the new schedule’s waits, not the old one’s', async () => {
    const { sink, eventId, destinationId } = await failingOrder((index) => (index === 0 ? LATER : { status: 500 }));
    await waitUntil(async () => (await deliveryOf(eventId)).status === 'retrying', 'the first try failing');
    await serve.api('updateDestination', {
      params: { id: destinationId },
      body: { retry: { maxAttempts: 3, initialDelayMs: 200, maxDelayMs: 1000 } },
    });
    const failed = await waitUntil(async () => {
      const delivery = await deliveryOf(eventId);
      return delivery.status === 'failed' ? delivery : null;
    }, 'the tries of the new schedule');
    expect(failed.attempts).toHaveLength(3);
    expect(sink.received).toHaveLength(3);
  });
});
