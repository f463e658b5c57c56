import { describe, expect, it } from 'vitest';
import { orderAdd, post, teamcropOrderRaw, wooOrderRaw } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A source whose sender has the wrong key loses every order it sends: the engine's figures name it (Stats'
 * refusingSources) until one of its requests is taken, and junk from the internet names no source.
 */
describe('a source refusing what it is sent', () => {
  it('is named with its count and latest reason, not for junk or a browser, and no longer once an order is taken', async () => {
    const serve = await startServe(tempDir());
    const shop = await serve.api('createSource', {
      body: {
        name: 'Teamcrop shop',
        kind: 'teamcrop',
        verification: { type: 'header', header: 'X-Shop-Key', value: 'the-right-key' },
      },
    });
    const woo = await serve.api('createSource', {
      body: { name: 'Woo', kind: 'woocommerce', verification: { type: 'hmac', secret: 'wc-secret' } },
    });
    const intake = new URL(shop.ingestUrl).origin;
    // None of these is a source's: an unknown address, a page opened in a browser, and a source that works.
    expect((await post(`${intake}/in/not-a-token`, teamcropOrderRaw, orderAdd)).status).toBe(404);
    expect((await fetch(shop.ingestUrl)).status).toBe(405);
    expect((await post(await serve.posUrl(), teamcropOrderRaw, orderAdd)).status).toBe(200);
    const rows = async () => (await serve.api('listEvents', { query: { status: 'rejected' } })).items.length;
    // A page opened in a browser is answered, not listed.
    await waitUntil(async () => (await rows()) === 1, 'the unknown address listed');
    expect((await serve.api('getStats')).refusingSources).toEqual([]);

    expect((await post(shop.ingestUrl, teamcropOrderRaw, orderAdd)).status).toBe(401);
    expect((await post(shop.ingestUrl, teamcropOrderRaw, { ...orderAdd, 'X-Shop-Key': 'a-typo' })).status).toBe(401);
    expect(
      (
        await post(woo.ingestUrl, wooOrderRaw, {
          'content-type': 'application/json',
          'X-WC-Webhook-Signature': 'bm90IHRoZSBzaWduYXR1cmU=',
        })
      ).status,
    ).toBe(401);
    await waitUntil(async () => (await rows()) === 4, 'the three refusals listed');
    const { refusingSources } = await serve.api('getStats');
    expect(refusingSources.map(({ name, refused, latestStatus }) => ({ name, refused, latestStatus }))).toEqual([
      { name: 'Teamcrop shop', refused: 2, latestStatus: 401 },
      { name: 'Woo', refused: 1, latestStatus: 401 },
    ]);
    expect(refusingSources[0]!.id).toBe(shop.id);
    expect(refusingSources[0]!.latestReason).toEqual({
      code: 'intake.headerWrong',
      params: { header: 'X-Shop-Key' },
    });
    expect(refusingSources[0]!.latestError).toMatch(/^The X-Shop-Key header does not carry the expected value/);
    expect(refusingSources[1]!.latestReason?.code).toBe('intake.signatureWrong');
    expect(Date.parse(refusingSources[0]!.since)).toBeLessThanOrEqual(Date.parse(refusingSources[0]!.latestAt));

    // The key fixed in the POS: its next order is taken, and the alarm is over.
    expect((await post(shop.ingestUrl, teamcropOrderRaw, { ...orderAdd, 'X-Shop-Key': 'the-right-key' })).status).toBe(
      200,
    );
    expect((await serve.api('getStats')).refusingSources.map(({ name }) => name)).toEqual(['Woo']);
    expect(await serve.stop()).toBe(0);
  }, 60_000);
});
