import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLDING, heldExport, largeStore, readAll } from '../helpers/held-export.js';
import { SERVE_ENTRY, type ServeProcess, startServe } from '../helpers/serve-process.js';
import { waitUntil } from '../helpers/wait.js';
import { readWorkbook } from '../helpers/workbook.js';

const EVENTS = 40;
const BODY_BYTES = 1024 * 1024;
const STALL_MS = 2_000;

let made: Promise<string> | undefined;
/** The one store of this file, made once: one serve at a time uses it. */
const store = () => (made ??= largeStore(EVENTS));

function exportOf(serve: ServeProcess, query: string): Promise<Response> {
  return fetch(`${serve.runtime.adminUrl}/api/export?${query}`, {
    headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
  });
}

/** Asks for an export until one past the limit is no longer refused: the answer that was taken. */
async function accepted(serve: ServeProcess, query: string, what: string): Promise<Response> {
  return waitUntil(async () => {
    const answer = await exportOf(serve, query);
    if (answer.status === 429) await answer.body?.cancel();
    return answer.status === 429 ? null : answer;
  }, what);
}

const BUSY =
  '2 exports are already running, the most Hookferry makes at once (so that orders keep arriving quickly), so this one was not started. Export again once one of them has finished (a large one can take a few minutes). One you started on a Settings page can be stopped there with Cancel export (or by closing the window downloading it); one started by a program ends by itself.';

describe('exports at once (real serve, real HTTP)', () => {
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe(await store());
  }, 60_000);
  afterAll(() => serve.stop());

  it('answers a third export at once with 429 and a sentence saying what to do, and takes one again once they end', async () => {
    const first = await heldExport(serve);
    const second = await heldExport(serve, 'format=ndjson');
    expect([first.response.statusCode, second.response.statusCode]).toEqual([200, 200]);

    const third = await exportOf(serve, 'format=xlsx&lang=vi&tz=UTC&bodies=0');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('30');
    expect(third.headers.get('content-disposition')).toBeNull();
    expect(await third.json()).toEqual({
      error: BUSY,
      reason: { code: 'admin.exportsBusy', params: { running: 2 } },
    });

    // Read to their ends, both are whole; then an export is taken again.
    expect(await readAll(first)).toBeGreaterThan(EVENTS * BODY_BYTES);
    expect(await readAll(second)).toBeGreaterThan(EVENTS * BODY_BYTES);
    const after = await accepted(serve, 'format=xlsx&lang=vi&tz=UTC&bodies=0', 'an export taken after both ended');
    expect(after.status).toBe(200);
    const [sheet] = await readWorkbook(Buffer.from(await after.arrayBuffer()));
    expect(sheet!.rows).toHaveLength(EVENTS + 1);
  }, 60_000);

  it('gives a slot back at once when a client goes away, long before it would count as stalled', async () => {
    const first = await heldExport(serve);
    const second = await heldExport(serve);
    expect((await exportOf(serve, HOLDING)).status).toBe(429);

    first.request.destroy();
    const taken = await accepted(serve, HOLDING, 'an export taken after a client went away');
    expect(taken.status).toBe(200);
    // The one taken and the one still held are the two running: a third is still refused.
    expect((await exportOf(serve, HOLDING)).status).toBe(429);

    await taken.body?.cancel();
    second.request.destroy();
    await (await accepted(serve, HOLDING, 'an export taken after both went away')).body?.cancel();
  }, 60_000);

  it('counts a HEAD for an export only while its answer is open', async () => {
    const heads = await Promise.all(
      [1, 2, 3].map(() =>
        fetch(`${serve.runtime.adminUrl}/api/export?${HOLDING}`, {
          method: 'HEAD',
          headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
        }),
      ),
    );
    expect(heads.map((head) => head.status)).toContain(200);
    const taken = await accepted(serve, 'format=xlsx&bodies=0', 'an export taken after the HEADs');
    expect(taken.status).toBe(200);
    expect(await readAll(await heldExport(serve, 'format=ndjson'))).toBeGreaterThan(EVENTS * BODY_BYTES);
    await taken.arrayBuffer();
  }, 60_000);
});

describe('an export whose client stops reading (real serve, the wait shortened)', () => {
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe(await store(), [], SERVE_ENTRY, {
      HOOKFERRY_TEST_EXPORT_STALL_MS: String(STALL_MS),
    });
  }, 60_000);
  afterAll(() => serve.stop());

  it('is stopped and its connection cut, so the download fails visibly, and its slot is free again', async () => {
    // Both of the same kind, so they stop reading at about the same time.
    const stalled = [await heldExport(serve), await heldExport(serve)];
    expect(stalled.map((one) => one.response.statusCode)).toEqual([200, 200]);
    expect((await exportOf(serve, HOLDING)).status).toBe(429);

    // Each taken only once a stalled one was stopped (the first taken is itself stalled only a wait later).
    const taken = [];
    for (const which of ['first', 'second'])
      taken.push(await accepted(serve, HOLDING, `the ${which} export taken after the stalled ones were stopped`));
    expect(taken.map((answer) => answer.status)).toEqual([200, 200]);
    // What reached the client before the cut is there to read, and then the download fails: never a short file
    // that ends as if whole.
    for (const one of stalled) await expect(readAll(one)).rejects.toThrow();
    for (const answer of taken) await answer.body?.cancel();
    expect(serve.output()).not.toMatch(/admin call failed/);
  }, 60_000);

  it('keeps going for a client that reads slowly, pausing for less than the wait, until the file is whole', async () => {
    const slow = await heldExport(serve);
    // It stops reading four times, each for a third of the wait: longer than the wait in all.
    const whole = await readAll(slow, [4, 12, 20, 28], STALL_MS / 3);
    expect(whole).toBeGreaterThan(EVENTS * BODY_BYTES);
    const fast = await readAll(await heldExport(serve));
    expect(whole).toBe(fast);
  }, 60_000);
});
