import { describe, expect, it } from 'vitest';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** An expression that takes its full second at every event: the process is replaced after each. */
const FOREVER = '( $f := function($x){ $f($x+1) }; $f(0) )';
const once = { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };

async function figuresOf(serve: ServeProcess, destinationId: string) {
  const { destinations } = await serve.api('getStats');
  return destinations.find((destination) => destination.id === destinationId)!;
}

/**
 * Two destinations' transformations in the one deliveries' JSONata process (real serve). Before, its jobs were
 * taken first come, first served: a destination whose expression loops held back every other destination's
 * transformed deliveries by everything it had waiting, and the delay grew with each event.
 */
describe('one destination’s transformation that loops, beside another’s (real serve)', () => {
  it('delivers every order of the harmless destination, and answers its test event, while the looping one’s are still being worked through', async () => {
    const N = 6;
    const serve = await startServe(tempDir());
    const looping = await startSink();
    const harmless = await startSink();
    // Made first, so its deliveries are claimed first, and (first come, first served) stood first in the process.
    const bad = await serve.api('createDestination', {
      body: { name: 'Looping', url: looping.url, retry: once, concurrency: N, settings: { transform: FOREVER } },
    });
    const good = await serve.api('createDestination', {
      body: { name: 'Harmless', url: harmless.url, retry: once, concurrency: N, settings: { transform: '$' } },
    });
    // A burst: all of it waits for the process at once when deliveries go on again.
    await serve.api('putSettings', { body: { deliveriesPaused: true } });
    const pos = await serve.posUrl();
    for (let n = 0; n < N; n++) expect((await post(pos, order(`FAIR-${n}`), orderAdd)).status).toBe(200);
    await serve.api('putSettings', { body: { deliveriesPaused: false } });

    await harmless.waitFor(N, 30_000);
    // Before: all six of the looping destination's ran out their second first (failed: 6 here).
    const { failed } = await figuresOf(serve, bad.id);
    expect(failed).toBeLessThanOrEqual(2);
    const invoices = harmless.received.map(
      (received) => (JSON.parse(received.body.toString('utf8')) as { invoice_id: string }).invoice_id,
    );
    expect(invoices.sort()).toEqual(Array.from({ length: N }, (_, n) => `FAIR-${n}`).sort());

    // Send test event on the harmless one waits for the one job running, not for the looping one's backlog.
    expect(await serve.api('testDestination', { params: { id: good.id } })).toMatchObject({ ok: true });
    expect((await figuresOf(serve, bad.id)).failed).toBeLessThan(N);

    await waitUntil(async () => (await figuresOf(serve, bad.id)).failed === N, 'the looping one’s all failed', 60_000);
    expect(looping.received).toHaveLength(0);
    expect(await serve.stop()).toBe(0);
  }, 120_000);

  it('says a destination whose transformation fails on its orders is failing, not healthy, until one goes through; after a restart too', async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir);
    const sink = await startSink();
    const destination = await serve.api('createDestination', {
      body: { name: 'Mistyped', url: sink.url, retry: once, settings: { transform: '$' } },
    });
    const pos = await serve.posUrl();
    await post(pos, order('GOOD-0'), orderAdd);
    await sink.waitFor(1);
    await waitUntil(async () => (await figuresOf(serve, destination.id)).health === 'healthy', 'the card healthy');
    // Now it fails at once on every order: nothing is sent.
    const mistake = '$number("not a number")';
    await serve.api('updateDestination', {
      params: { id: destination.id },
      body: { settings: { transform: mistake } },
    });
    for (let n = 0; n < 2; n++) await post(pos, order(`BAD-${n}`), orderAdd);
    await waitUntil(async () => (await figuresOf(serve, destination.id)).failed === 2, 'both orders failing');
    // Before: health "healthy" and lastTryFailed false beside failed 2 (the order before them went through).
    expect(await figuresOf(serve, destination.id)).toMatchObject({
      health: 'failing',
      lastTryFailed: true,
      failed: 2,
      lastReason: { code: expect.stringMatching(/^delivery\.transformFailed/) as unknown },
    });
    expect(sink.received).toHaveLength(1);

    // Read again from the tries kept.
    expect(await serve.stop()).toBe(0);
    serve = await startServe(dataDir);
    expect(await figuresOf(serve, destination.id)).toMatchObject({ health: 'failing', lastTryFailed: true });

    // Fixed, the next order goes through: healthy again.
    await serve.api('updateDestination', { params: { id: destination.id }, body: { settings: { transform: '$' } } });
    await post(await serve.posUrl(), order('GOOD-1'), orderAdd);
    await sink.waitFor(2);
    await waitUntil(
      async () => (await figuresOf(serve, destination.id)).health === 'healthy',
      'the card saying healthy again',
    );
    expect(await serve.stop()).toBe(0);
  }, 60_000);
});
