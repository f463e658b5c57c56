import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * The engine's helper processes (the body processes of intake and deliveries, the JSONata process) killed from
 * outside in the middle of a job, by a person, another program or the OS: the job is not the cause, so its answer
 * must not say it was (real serve, real processes, real signals).
 */

const teamcrop = orderAdd;
/** Past the 16 KB from which a body is read, and written for a destination, in a body process. */
const largeOrder = (n: number) =>
  JSON.stringify({ ...teamcropOrder, id: n, note: 'giao giờ hành chính '.repeat(2000) });

/** The engine's children running `script`, from /proc. */
function helpers(serve: ServeProcess, script: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const parent = Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
        return parent === serve.child.pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(script);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Freezes the helper, lets the engine hand it the next job (well within the job's time: 5 s and more), then kills
 * it: the job is surely under way in it when it dies.
 */
async function killDuringJob<T>(pid: number, job: () => Promise<T>): Promise<T> {
  process.kill(pid, 'SIGSTOP');
  const answer = job();
  await sleep(1000);
  process.kill(pid, 'SIGKILL');
  return answer;
}

async function settled(serve: ServeProcess, id: string) {
  return waitUntil(async () => {
    const event = await serve.api('getEvent', { params: { id } });
    return event.status === 'delivered' || event.status === 'failed' ? event : null;
  }, `event ${id} settling`);
}

describe('a helper process killed during a job (real serve)', () => {
  it('runs the job again in a fresh process: the order is taken (not 413), delivered (not failed as too big), previewed', async () => {
    const serve = await startServe(tempDir());
    const pos = await serve.posUrl();
    expect((await post(pos, largeOrder(1), teamcrop)).status).toBe(200);
    const [intakeBodies] = helpers(serve, 'body-child');
    expect(intakeBodies).toBeDefined();

    const taken = await killDuringJob(intakeBodies!, () => post(pos, largeOrder(2), teamcrop));
    expect(taken.status, JSON.stringify(taken.json)).toBe(200);
    expect((await serve.api('getEvent', { params: { id: String(taken.json.id) } })).status).toBe('received');

    const sink = await startSink();
    const once = { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
    const json = await serve.api('createDestination', {
      body: { name: 'As JSON', url: sink.url, retry: once, settings: { bodyMode: 'json' } },
    });
    const first = await post(pos, largeOrder(3), teamcrop);
    expect((await settled(serve, String(first.json.id))).status).toBe('delivered');
    const intakeNow = helpers(serve, 'body-child').filter((pid) => pid !== intakeBodies);
    // The intake's fresh body process, and the deliveries' own: the newer of the two.
    const deliveryBodies = Math.max(...intakeNow);
    const second = await killDuringJob(deliveryBodies, async () => {
      const answer = await post(pos, largeOrder(4), teamcrop);
      expect(answer.status).toBe(200);
      return answer;
    });
    const delivered = await settled(serve, String(second.json.id));
    expect(delivered.deliveries[0]!.attempts.map((attempt) => [attempt.category, attempt.error])).toEqual([
      ['delivered', null],
    ]);
    await serve.api('updateDestination', { params: { id: json.id }, body: { settings: { transform: 'note' } } });

    const preview = () =>
      serve.api('previewDestination', { params: { id: json.id }, body: { eventId: String(second.json.id) } });
    expect(await preview()).toMatchObject({ ok: true });
    const [jsonata] = helpers(serve, 'transform-child');
    expect(jsonata).toBeDefined();
    expect(await killDuringJob(jsonata!, preview)).toMatchObject({ ok: true, output: expect.any(String) });
    expect(await serve.stop()).toBe(0);
  }, 120_000);
});
