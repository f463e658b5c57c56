import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from '../helpers/fixtures.js';
import { rawGet } from '../helpers/raw-http.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Stored bodies read again on their way out, against a real `serve` child and receivers on 127.0.0.1. */
describe('bodies delivered (real serve process)', () => {
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe(tempDir());
  });
  afterAll(() => serve.stop());

  it('delivers a JSON body that starts with a byte-order mark as it came and as JSON, and shows it parsed', async () => {
    const [raw, json] = [await startSink(), await startSink()];
    const once = { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
    await serve.api('createDestination', { body: { name: 'Raw', url: raw.url, events: ['*'], retry: once } });
    await serve.api('createDestination', {
      body: { name: 'JSON', url: json.url, events: ['*'], retry: once, settings: { bodyMode: 'json' } },
    });
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"event":"order.bom","id":1}')]);
    const answer = await post(await serve.posUrl(), body, { 'content-type': 'application/json' });
    expect(answer.status).toBe(200);
    // Before, reading it for the delivery threw: the engine ended (and again at each start), later the JSON one failed.
    const [asSent] = await raw.waitFor(1);
    const [asJson] = await json.waitFor(1);
    expect(asSent!.body).toEqual(body);
    expect(asJson!.body.toString('utf8')).toBe('{"event":"order.bom","id":1}');
    const stored = await serve.api('getEvent', { params: { id: answer.json.id as string } });
    expect(stored.parsed).toEqual({ event: 'order.bom', id: 1 });
    expect((await rawGet(`${serve.runtime.ingestUrl}/healthz`, {})).status).toBe(200);
  });

  it("keeps an id past 2^53 (Shopify's) digit for digit: sent, shown, searched and transformed", async () => {
    const [raw, json, mapped] = [await startSink(), await startSink(), await startSink()];
    const once = { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
    const to = (name: string, url: string, settings: Record<string, unknown>) => ({
      body: { name, url, events: ['order.long-id'], retry: once, settings },
    });
    await serve.api('createDestination', to('Raw long', raw.url, {}));
    await serve.api('createDestination', to('JSON long', json.url, { bodyMode: 'json' }));
    await serve.api('createDestination', to('Mapped long', mapped.url, { transform: '{"order": id, "total": total}' }));
    const body = '{"event":"order.long-id","id":820982911946154508,"total":12.5,"customer":{"id":115310627314723954}}';
    const answer = await post(await serve.posUrl(), Buffer.from(body), { 'content-type': 'application/json' });
    expect(answer.status).toBe(200);
    // Before, JSON.parse rounded it: 820982911946154500 went out in the JSON mode and the transform, and was shown.
    expect((await raw.waitFor(1))[0]!.body.toString('utf8')).toBe(body);
    expect((await json.waitFor(1))[0]!.body.toString('utf8')).toBe(body);
    expect(JSON.parse((await mapped.waitFor(1))[0]!.body.toString('utf8'))).toEqual({
      order: '820982911946154508',
      total: 12.5,
    });
    const stored = await serve.api('getEvent', { params: { id: answer.json.id as string } });
    expect(stored.parsed).toMatchObject({ id: '820982911946154508', customer: { id: '115310627314723954' } });
    const found = await serve.api('listEvents', { query: { q: '820982911946154508' } });
    expect(found.items.map((item) => item.id)).toEqual([answer.json.id]);
  });
});
