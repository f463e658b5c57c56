import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS_KEPT_PER_HOUR } from '../../main/intake/listener.js';
import { post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A stranger who knows a signed source's address (or only the public address) and floods it with forged requests
 * carrying large bodies and headers, against a real `serve` child on 127.0.0.1: the refusals must not fill the
 * shop's disk, and the shop's own signed events must still be taken.
 */
describe('what refused requests keep on disk (real serve process)', () => {
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe(tempDir());
  });
  afterAll(() => serve.stop());

  it('keeps at most its hourly share of forged requests, then says how many more were refused unkept', async () => {
    const secret = 'shop-signing-secret';
    const source = await serve.api('createSource', {
      body: { name: 'Signed', kind: 'shopify', verification: { type: 'hmac', secret } },
    });
    // About 70 KB each: 10 KB of headers and a 60 KB body, all of it kept by a refusal written down.
    const padding = Object.fromEntries(Array.from({ length: 24 }, (_, n) => [`x-pad-${n}`, 'p'.repeat(400)]));
    const forged = async (n: number) =>
      post(source.ingestUrl, JSON.stringify({ id: n, note: 'f'.repeat(60_000) }), {
        'content-type': 'application/json',
        'X-Shopify-Topic': 'orders/create',
        'X-Shopify-Hmac-Sha256': 'Zm9yZ2Vk',
        ...padding,
      });
    const answers = [];
    // Ten: all within one 10 s window of the live log's share, so only the hourly share can leave some unkept.
    for (let n = 0; n < 10; n++) answers.push(await forged(n));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(401));

    const unkept = await waitUntil(async () => {
      const page = await serve.api('listEvents', { query: { status: 'rejected', sourceId: source.id } });
      return page.items.find((event) => event.rejection?.code === 'intake.refusalsNotKept');
    }, 'an entry saying refusals were not kept');
    expect(unkept.httpStatus).toBe(401);
    expect(unkept.rejection?.params).toEqual({ kb: REFUSALS_KEPT_PER_HOUR / 1024, count: 1, address: '127.0.0.1' });
    expect(unkept.reason).toMatch(/^Refused, and not kept: Hookferry keeps at most 512 KB of refused requests an hour/);

    const entries = (await serve.api('listEvents', { query: { status: 'rejected', sourceId: source.id } })).items;
    let keptBytes = 0;
    for (const entry of entries) {
      const detail = await serve.api('getEvent', { params: { id: entry.id } });
      keptBytes += entry.bodySize + JSON.stringify(detail.headers).length;
    }
    // Before: all ten kept whole, about 700 KB in a second (7 GB a day at the live log's 10 per 10 s).
    expect(keptBytes).toBeLessThanOrEqual(REFUSALS_KEPT_PER_HOUR);
    expect(entries.filter((entry) => entry.rejection?.code === 'intake.signatureWrong').length).toBeGreaterThan(0);

    // The shop's own signed order is taken as ever.
    const body = '{"id":"real-1"}';
    const signed = await post(source.ingestUrl, body, {
      'content-type': 'application/json',
      'X-Shopify-Topic': 'orders/create',
      'X-Shopify-Hmac-Sha256': createHmac('sha256', secret).update(body).digest('base64'),
    });
    expect(signed.status).toBe(200);
    expect((await fetch(`${serve.runtime.ingestUrl}/healthz`)).status).toBe(200);
  });
});
