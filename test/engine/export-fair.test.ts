import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLDING, heldExport, largeStore } from '../helpers/held-export.js';
import { SERVE_ENTRY, type ServeProcess, startServe } from '../helpers/serve-process.js';
import { waitUntil } from '../helpers/wait.js';

const EVENTS = 16;
const MB = 1024 * 1024;
const LONGEST_MS = 3_000;

function exportOf(serve: ServeProcess, query: string): Promise<Response> {
  return fetch(`${serve.runtime.adminUrl}/api/export?${query}`, {
    headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
  });
}

/**
 * A client that takes `bytesPerSecond`, never stopping long (never a stalled download), until told to read at full
 * speed; `ended` says whether its download came whole or was cut before its last chunk.
 */
function steadyReader(response: IncomingMessage, bytesPerSecond: number) {
  // Once its answer has begun: after the engine began it, so the time since is never longer than the engine's.
  const startedAt = Date.now();
  let bytes = 0;
  let fast = false;
  let done = false;
  response.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    const ahead = (bytes / bytesPerSecond) * 1000 - (Date.now() - startedAt);
    if (fast || ahead <= 0) return;
    response.pause();
    setTimeout(() => response.resume(), ahead).unref();
  });
  response.on('error', () => undefined);
  const ended = new Promise<{ whole: boolean; bytes: number }>((resolve) =>
    response.once('close', () => {
      done = true;
      resolve({ whole: response.complete, bytes });
    }),
  );
  return {
    startedAt,
    ended,
    running: () => !done,
    fullSpeed: () => {
      fast = true;
      response.resume();
    },
  };
}

/**
 * An export whose client reads slowly but steadily (100 KB/s: never a stalled download) held one of the two places
 * for as long as it liked. Now, once every place is taken and another export asks, the oldest that has run past the
 * longest an export keeps its place (30 minutes; HOOKFERRY_TEST_EXPORT_LONGEST_MS here) is cut and the one asking
 * runs. Real serve, real HTTP.
 */
describe('an export that runs long while another waits (real serve, real HTTP)', () => {
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe(await largeStore(EVENTS), [], SERVE_ENTRY, {
      HOOKFERRY_TEST_EXPORT_LONGEST_MS: String(LONGEST_MS),
    });
  }, 60_000);
  afterAll(() => serve.stop());

  it('gives the oldest one’s place to an export asking once it has run past the longest; one alone is never cut', async () => {
    // Before the engine counts it from (its start): the test's count is never shorter.
    const firstAsked = Date.now();
    const first = steadyReader((await heldExport(serve)).response, 100 * 1024);
    const second = steadyReader((await heldExport(serve)).response, 100 * 1024);

    // Both young: a third is refused as before.
    const refused = await exportOf(serve, 'format=ndjson');
    expect(refused.status).toBe(429);
    await refused.body?.cancel();

    // Asked again until taken. Before: refused for as long as the slow readers went on (160 s for these 16 MB).
    const third = await waitUntil(async () => {
      const answer = await exportOf(serve, HOLDING);
      if (answer.status === 429) await answer.body?.cancel();
      return answer.status === 429 ? null : answer;
    }, 'the third export taken');
    expect(third.status).toBe(200);
    expect(Date.now() - firstAsked).toBeGreaterThanOrEqual(LONGEST_MS);

    // The oldest was cut before its last chunk (a failed download, never a short file that looks whole), seen once
    // its client has read what was already on its way; the other goes on.
    first.fullSpeed();
    const cut = await first.ended;
    expect(cut.whole).toBe(false);
    expect(cut.bytes).toBeLessThan(EVENTS * MB);
    expect(second.running()).toBe(true);

    // The one that asked is whole.
    expect((await third.arrayBuffer()).byteLength).toBeGreaterThan(EVENTS * MB);

    // With no other asking, the second, past the longest too, is not cut: read at full speed, it comes whole.
    expect(Date.now() - second.startedAt).toBeGreaterThan(LONGEST_MS);
    second.fullSpeed();
    const whole = await second.ended;
    expect(whole).toEqual({ whole: true, bytes: expect.any(Number) as number });
    expect(whole.bytes).toBeGreaterThan(EVENTS * MB);

    // The engine is well, and its places free again: two exports are taken at once.
    const [a, b] = await Promise.all([exportOf(serve, 'format=csv&bodies=0'), exportOf(serve, 'format=csv&bodies=0')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
  }, 60_000);
});
