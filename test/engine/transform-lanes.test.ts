import { describe, expect, it } from 'vitest';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** An expression that takes its full second each time, in every preview. */
const FOREVER = '( $f := function($x){ $f($x+1) }; $f(0) )';

/**
 * Previews against deliveries in the JSONata processes of a real `serve` child. Before, previews went ahead of
 * deliveries in the one process, so whoever held the admin token (or a merchant typing in the preview box) could
 * hold back every order whose destination transforms, for as long as they kept sending.
 */
describe('previews and deliveries in the JSONata processes (real serve)', () => {
  it('transforms and delivers an order while a full line of previews waits, and answers previews past that line at once', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    const once = { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
    const destination = await serve.api('createDestination', {
      body: { name: 'CRM', url: sink.url, retry: once, settings: { transform: '{"invoice": invoice_id}' } },
    });

    const answers: { ok: boolean; reason?: { code: string } | null }[] = [];
    const previews = Array.from({ length: 12 }, () =>
      serve
        .api('previewDestination', { params: { id: destination.id }, body: { body: { a: 1 }, expression: FOREVER } })
        .then((answer) => answers.push(answer)),
    );
    // One running and eight waiting: the next ones are answered at once that the previews are busy.
    await waitUntil(() => answers.some((answer) => answer.reason?.code === 'preview.busy'), 'a preview refused');
    const ran = () => answers.filter((answer) => answer.reason?.code !== 'preview.busy').length;
    expect(ran()).toBeLessThan(9);

    const order = await post(await serve.posUrl(), teamcropOrderRaw, {
      'content-type': 'application/json',
      'tc-webhook-event': 'order.add',
    });
    expect(order.status).toBe(200);
    const [received] = await sink.waitFor(1, 15_000);
    // Delivered while previews still waited: before, it went after all nine.
    expect(ran()).toBeLessThan(9);
    expect(JSON.parse(received!.body.toString('utf8'))).toEqual({ invoice: expect.any(String) as unknown });

    await Promise.all(previews);
    const refused = answers.filter((answer) => answer.reason?.code === 'preview.busy').length;
    const stopped = answers.filter((answer) => answer.reason?.code === 'delivery.transformTooLong').length;
    expect(refused).toBeGreaterThan(0);
    expect(refused + stopped).toBe(12);
    expect(await serve.stop()).toBe(0);
  }, 90_000);
});
