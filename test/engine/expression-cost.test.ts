import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** What a transformation costs the engine itself when it is long to compile or makes a huge output (real serve). */

const teamcrop = orderAdd;
const once = { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
/**
 * A path of 3,998 steps, 19,991 characters (the contract takes 20,000): JSONata compiles it in 0.2–0.6 s, slower
 * than linear in the steps, into a tree of about 3 MB. `n` makes each one different.
 */
const slowToCompile = (n: number) => `a${'.*[0]'.repeat(3997)}.x${n}`;

function rssMb(serve: ServeProcess): number {
  const status = readFileSync(`/proc/${serve.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

describe('what a transformation costs the engine (real serve)', () => {
  it('compiles a transformation being saved in the JSONata process: 15 long ones saved and imported leave the engine’s memory as it was; a mistake is still refused with where it is', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    const make = (name: string, transform: string) =>
      serve.api('createDestination', { body: { name, url: sink.url, retry: once, settings: { transform } } });
    await make('Warm-up', '$');
    const before = rssMb(serve);
    for (let n = 0; n < 8; n++) await make(`Long ${n}`, slowToCompile(n));
    const file = {
      hookferry: 1,
      destinations: Array.from({ length: 7 }, (_, n) => ({
        name: `Imported ${n}`,
        url: sink.url,
        settings: { transform: slowToCompile(100 + n) },
      })),
    };
    expect(
      await serve.api('importConfig', { query: { dryRun: '0' }, body: { text: JSON.stringify(file) } }),
    ).toMatchObject({ applied: true });
    const growth = rssMb(serve) - before;
    console.log(`15 transformations of 19,991 characters saved: the engine's RSS grew ${growth.toFixed(1)} MB`);
    // Compiled in the engine and kept there, they weighed about 3 MB each (45 MB here; 310 MB for 100).
    expect(growth).toBeLessThan(25);

    const broken = `${slowToCompile(0)} +`;
    await expect(make('Broken', broken)).rejects.toThrow(/The transformation has a mistake \(at character 19992\)/);
    await expect(
      serve.api('importConfig', {
        query: { dryRun: '0' },
        body: {
          text: JSON.stringify({
            hookferry: 1,
            destinations: [{ name: 'Broken', url: sink.url, settings: { transform: broken } }],
          }),
        },
      }),
    ).rejects.toThrow(/The transformation has a mistake/);
    expect((await serve.api('listDestinations')).map((destination) => destination.name)).not.toContain('Broken');
    expect(await serve.stop()).toBe(0);
  }, 120_000);

  it('refuses a transformation output over 10 MB with a sentence, in the preview and at delivery, and sends nothing', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    // Three copies of a 4 MB note: 12,000,010 bytes of JSON, made in a few milliseconds.
    const destination = await serve.api('createDestination', {
      body: { name: 'Huge output', url: sink.url, retry: once, settings: { transform: '[note, note, note]' } },
    });
    const { json } = await post(await serve.posUrl(), JSON.stringify({ note: 'x'.repeat(4_000_000) }), teamcrop);
    const tooBig = /^The transformation made 12 MB, more than the 10 MB Hookferry sends from one\./;
    const failed = await waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id: String(json.id) } });
      return event.status === 'failed' || event.status === 'delivered' ? event : null;
    }, 'the event settling');
    expect(failed.status).toBe('failed');
    expect(failed.deliveries[0]!.attempts).toEqual([
      expect.objectContaining({
        category: 'invalid',
        error: expect.stringMatching(tooBig),
        reason: { code: 'delivery.transformOutputTooBig', params: { mb: 12, max: 10 } },
      }),
    ]);
    expect(sink.received).toHaveLength(0);

    const preview = (expression: string) =>
      serve.api('previewDestination', {
        params: { id: destination.id },
        body: { eventId: String(json.id), expression },
      });
    expect(await preview('[note, note, note]')).toMatchObject({ ok: false, error: expect.stringMatching(tooBig) });
    expect(await preview('[note, note]')).toMatchObject({ ok: true, output: [expect.any(String), expect.any(String)] });
    expect(await serve.stop()).toBe(0);
  }, 120_000);

  it('checks an expression being saved ahead of the deliveries waiting for the JSONata process: the fix for an expression that never ends is saved before they all run out their time', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    const destination = await serve.api('createDestination', {
      body: {
        name: 'Looping',
        url: sink.url,
        retry: once,
        concurrency: 6,
        settings: { transform: '( $f := function($x){ $f($x+1) }; $f(0) )' },
      },
    });
    const pos = await serve.posUrl();
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) ids.push(String((await post(pos, JSON.stringify({ id: n }), teamcrop)).json.id));
    const failed = async () => {
      const events = await Promise.all(ids.map((id) => serve.api('getEvent', { params: { id } })));
      return events.filter((event) => event.status === 'failed').length;
    };
    // Six deliveries wait for the process, each to be stopped after its 1 s.
    await waitUntil(async () => (await failed()) > 0, 'the first delivery failing');
    await serve.api('updateDestination', { params: { id: destination.id }, body: { settings: { transform: '$' } } });
    const failedWhenSaved = await failed();
    console.log(`saved the fix when ${failedWhenSaved} of 6 deliveries had run out their time`);
    // Behind them, the save waited for all six.
    expect(failedWhenSaved).toBeLessThanOrEqual(3);
    expect(await serve.stop()).toBe(0);
  }, 120_000);
});
