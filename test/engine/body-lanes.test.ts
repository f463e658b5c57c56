import { describe, expect, it } from 'vitest';
import { nestedGroups } from '../helpers/answers.js';
import { post, teamcropOrder } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const teamcrop = { 'content-type': 'application/json', 'tc-webhook-event': 'order.add' };

/**
 * Large events opened in the dashboard against deliveries in the deliveries' body processes of a real `serve`
 * child. Before, an open went ahead of every delivery waiting for the one process, so opening large events (or
 * anyone with the admin token doing it in a loop) held back each order whose body is written out as JSON.
 */
describe('events opened and orders delivered in the body processes (real serve)', () => {
  it('writes out and delivers a large order while a full line of large events waits to be opened', async () => {
    const serve = await startServe(tempDir());
    // 1.3 MB of arrays nested 200 deep: a second or so to parse and write out again, at each open.
    const heavy = `{ "order": "HEAVY-1", "lines": [${nestedGroups(3_250, 198)}] }`;
    const stored = await post(await serve.posUrl(), heavy, teamcrop);
    expect(stored.status).toBe(200);
    // Made after the heavy event arrived, so only the order below goes to it.
    const sink = await startSink();
    const once = { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
    await serve.api('createDestination', {
      body: { name: 'CRM', url: sink.url, events: ['*'], retry: once, settings: { bodyMode: 'json' } },
    });

    const opened: ('parsed' | 'without')[] = [];
    const opens = Array.from({ length: 7 }, () =>
      serve
        .api('getEvent', { params: { id: String(stored.json.id) } })
        .then((event) => opened.push(event.parsed === null ? 'without' : 'parsed')),
    );
    // One being written and four waiting: the next are answered at once, with the body as it came.
    await waitUntil(() => opened.includes('without'), 'an open answered without its parsed body');
    const done = () => opened.filter((answer) => answer === 'parsed').length;
    expect(done()).toBeLessThan(5);

    // Past 16 KB: written out as JSON in the deliveries' body process.
    const order = { ...teamcropOrder, invoice_id: 'LANE-1', note: 'giao giờ hành chính '.repeat(2000) };
    expect((await post(await serve.posUrl(), JSON.stringify(order), teamcrop)).status).toBe(200);
    const [received] = await sink.waitFor(1, 15_000);
    // Delivered while opens still waited: before, it went after all of them.
    expect(done()).toBeLessThan(5);
    expect(JSON.parse(received!.body.toString('utf8'))).toMatchObject({ invoice_id: 'LANE-1' });

    await Promise.all(opens);
    expect(done()).toBeGreaterThan(0);
    expect(opened).toHaveLength(7);
    expect(await serve.stop()).toBe(0);
  }, 90_000);
});
