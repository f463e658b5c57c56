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
});
