import { afterEach, describe, expect, it } from 'vitest';
import type { ApiCallError } from '../../main/api/client.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A page read before an order was delivered (a second tab, a drawer left open) still offers Resend for it. Pressed,
 * it sent the order a second time without the question the page asks of what it knows was delivered: a second
 * order in the receiver's books. The engine now refuses to resend what its destination confirmed unless told to.
 */
let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the resend was accepted');
    },
    (error: ApiCallError) => ({ status: error.status, code: error.reason?.code, message: error.message }),
  );

describe('resending an event its destination confirmed', () => {
  it('is refused with a sentence unless asked for, from a row or the event, so a stale page never sends it twice', async () => {
    const sink = await startSink();
    serve = await startServe(tempDir());
    const books = await serve.api('createDestination', { body: { name: 'Sổ kế toán', url: sink.url } });
    const id = String((await post(await serve.posUrl(), order('TWICE-1'), orderAdd)).json.id);
    const [delivery] = await waitUntil(async () => {
      const { deliveries } = await serve!.api('getEvent', { params: { id } });
      return deliveries[0]?.status === 'delivered' ? deliveries : null;
    }, 'delivered');

    const expected = {
      status: 409,
      code: 'resend.alreadyDelivered',
      message: expect.stringMatching(
        /^“Sổ kế toán” already confirmed getting this event, so it was not sent again, nor anywhere else/,
      ),
    };
    await expect(refusal(serve.api('resendDelivery', { params: { id: String(delivery!.id) } }))).resolves.toEqual(
      expected,
    );
    await expect(
      refusal(serve.api('resendEvent', { params: { id }, body: { destinationIds: [books.id] } })),
    ).resolves.toEqual(expected);
    await expect(refusal(serve.api('resendEvent', { params: { id }, body: {} }))).resolves.toEqual(expected);
    expect(sink.received).toHaveLength(1);
    expect((await serve.api('getEvent', { params: { id } })).deliveries[0]).toMatchObject({
      status: 'delivered',
      attemptCount: 1,
    });

    // Asked for (the page's "Resend anyway"), it goes a second time.
    await serve.api('resendEvent', { params: { id }, body: { destinationIds: [books.id], evenIfDelivered: true } });
    await waitUntil(() => sink.received.length === 2, 'sent a second time');
  });
});
