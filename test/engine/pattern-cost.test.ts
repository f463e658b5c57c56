import { describe, expect, it } from 'vitest';
import { post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';

/** An event selection with many stars, and an event type a sender wrote to meet it (real serve). */

/** 20 stars: as a regular expression against the type below, it would not end in any lifetime. */
const STARRY = `${'*a'.repeat(20)}*b`;

describe('event selections with many stars', () => {
  it('routes an event whose type meets a pattern of 20 stars at once: the order is taken, /healthz answers, the matching type is delivered', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    await serve.api('createDestination', { body: { name: 'Starry', url: sink.url, events: [STARRY] } });
    const pos = await serve.posUrl();
    // Bounded: before, this post never had an answer, nor did anything else.
    const taken = await Promise.race([
      post(pos, '{"id":1}', { 'content-type': 'application/json', 'Tc-Webhook-Event': 'a'.repeat(60) }),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000)),
    ]);
    expect(taken?.status).toBe(200);
    expect((await fetch(new URL('/healthz', pos))).status).toBe(200);
    const meets = `${'a'.repeat(30)}b`;
    await post(pos, '{"id":2}', { 'content-type': 'application/json', 'Tc-Webhook-Event': meets });
    const [delivered] = await sink.waitFor(1);
    expect(delivered!.headers['x-hookferry-event']).toBe(meets);
    expect(sink.received).toHaveLength(1);
    expect(await serve.stop()).toBe(0);
  }, 60_000);
});
