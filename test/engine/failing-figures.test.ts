import { describe, expect, it } from 'vitest';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** A destination is failing after this many failed tries in a row (FAILING_AFTER in the queue). */
const ORDERS = 5;
/** Retried, but not within the test. */
const hourly = { maxAttempts: 10, initialDelayMs: 3_600_000, multiplier: 1, maxDelayMs: 3_600_000 };

describe('the figures a failing destination’s banner is read from (real serve, killed and started again)', () => {
  it('give the newest reason, when the next try is or that none comes, and keep "failing" through a kill', async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir);
    const [books, stock] = await Promise.all([startSink(), startSink()]);
    books.script(() => ({ status: 500 }));
    stock.script(() => ({ status: 500 }));
    const retried = await serve.api('createDestination', { body: { name: 'Books', url: books.url, retry: hourly } });
    const stockOnce = await serve.api('createDestination', { body: { name: 'Stock', url: stock.url, retry: once } });
    const figures = async (id: string) => (await serve.api('getStats')).destinations.find((entry) => entry.id === id)!;

    const pos = await serve.posUrl();
    for (let n = 1; n <= ORDERS; n++) expect((await post(pos, order(`F-${n}`), orderAdd)).status).toBe(200);
    await waitUntil(async () => (await figures(retried.id)).health === 'failing', 'Books failing');
    await waitUntil(async () => (await figures(stockOnce.id)).failed === ORDERS, 'every order failed at Stock');
    const sentAt = Date.now();
    expect(await figures(retried.id)).toMatchObject({
      health: 'failing',
      lastTryFailed: true,
      lastReason: { code: 'delivery.serverError' },
    });
    // Its next try is the hour its schedule says (with the schedule's jitter), not now.
    expect(Date.parse((await figures(retried.id)).nextTryAt!)).toBeGreaterThan(sentAt + 30 * 60_000);
    // Failed for good: nothing of it is tried again by itself.
    expect(await figures(stockOnce.id)).toMatchObject({ health: 'failing', nextTryAt: null, failed: ORDERS });

    // Its receiver stops listening: the newest reason is the refused connection, not the 500 before it.
    await books.close();
    expect((await post(pos, order('F-6'), orderAdd)).status).toBe(200);
    await waitUntil(async () => (await figures(retried.id)).lastReason?.code === 'delivery.refused', 'refused');

    // Killed without a word: after the start, the same figures, still failing (not "will retry" until 5 more fail).
    await serve.kill();
    serve = await startServe(dataDir);
    expect(await figures(retried.id)).toMatchObject({
      health: 'failing',
      lastTryFailed: true,
      lastReason: { code: 'delivery.refused' },
    });
    expect((await figures(retried.id)).nextTryAt).not.toBeNull();
    expect(await figures(stockOnce.id)).toMatchObject({ health: 'failing', nextTryAt: null, failed: ORDERS + 1 });

    // Paused, it is paused; that its latest try failed is still said, for its banner.
    await serve.api('updateDestination', { params: { id: stockOnce.id }, body: { paused: true } });
    expect(await figures(stockOnce.id)).toMatchObject({ health: 'paused', lastTryFailed: true });
    await serve.stop();
  });

  it('keep "failing" through a kill when all of its failed orders wait in Failed: the next failure is no "retrying"', async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir);
    const broken = await startSink();
    broken.script(() => ({ status: 500 }));
    // Three quick tries each: two orders are six failures in a row, both then in Failed, nothing left to retry.
    const thrice = { maxAttempts: 3, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 };
    const books = await serve.api('createDestination', { body: { name: 'Books', url: broken.url, retry: thrice } });
    const figures = async () => (await serve.api('getStats')).destinations.find((entry) => entry.id === books.id)!;
    const pos = await serve.posUrl();
    for (const invoice of ['R-1', 'R-2']) expect((await post(pos, order(invoice), orderAdd)).status).toBe(200);
    await waitUntil(async () => (await figures()).failed === 2, 'both orders in Failed');
    expect(broken.received).toHaveLength(6);
    expect(await figures()).toMatchObject({ health: 'failing', backlog: 0 });

    await serve.kill();
    serve = await startServe(dataDir);
    expect(await figures()).toMatchObject({ health: 'failing', failed: 2 });
    // The next order's first try fails too and waits an hour for its next: the run goes on, failing as before.
    await serve.api('updateDestination', { params: { id: books.id }, body: { retry: hourly } });
    expect((await post(await serve.posUrl(), order('R-3'), orderAdd)).status).toBe(200);
    await broken.waitFor(7);
    await waitUntil(async () => (await serve.api('getStats')).deliveries.retrying === 1, 'R-3 waits for its next try');
    expect(await figures()).toMatchObject({ health: 'failing', backlog: 1, failed: 2 });
    await serve.stop();
  });
});
