import { afterEach, describe, expect, it } from 'vitest';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

describe('a destination whose concurrency changes while orders are on the wire (real serve, receiver on 127.0.0.1)', () => {
  it('lets those tries end as the receiver answers: each order delivered at its one try, none cut or sent again', async () => {
    const sink = await startSink();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    sink.script(() => ({ until: held, status: 200 }));
    serve = await startServe(tempDir());
    const destination = await serve.api('createDestination', {
      body: { name: 'Kho', url: sink.url, events: ['order.add'], concurrency: 4 },
    });
    const posUrl = await serve.posUrl();
    const ids: string[] = [];
    for (const invoice of ['HD-1', 'HD-2', 'HD-3'])
      ids.push(String((await post(posUrl, order(invoice), orderAdd)).json.id));
    await sink.waitFor(3);
    await serve.api('updateDestination', { params: { id: destination.id }, body: { concurrency: 5 } });
    // The next order goes out with the new setting while the three are still out.
    ids.push(String((await post(posUrl, order('HD-4'), orderAdd)).json.id));
    await sink.waitFor(4);
    release();
    const events = await waitUntil(async () => {
      const found = await Promise.all(ids.map((id) => serve!.api('getEvent', { params: { id } })));
      return found.every((event) => event.deliveries[0]?.attempts.length) ? found : null;
    }, 'a result for each order');
    // Before: the three on the wire were cut when the fourth went ("connection reset"), retrying, sent again later.
    expect(events.map((event) => event.deliveries.map((d) => [d.status, d.attempts.map((a) => a.category)]))).toEqual(
      ids.map(() => [['delivered', ['delivered']]]),
    );
    const [card] = (await serve.api('getStats')).destinations;
    expect(card).toMatchObject({ health: 'healthy' });
    expect(sink.received).toHaveLength(4);
  });
});
