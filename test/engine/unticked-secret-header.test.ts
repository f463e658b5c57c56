import { afterEach, describe, expect, it } from 'vitest';
import type { ApiCallError } from '../../main/api/client.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * A header not kept secret is sent with the value saved in the open, so it must have one. Before, a saved secret
 * header renamed and unticked was saved with an empty value (its secret dropped without a word), sent as
 * `X-Trace:` empty, and listed as {value: "", valueSet: true}; a new header could be saved empty the same way.
 */

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the call was accepted');
    },
    (error: ApiCallError) => [error.status, error.fields.map((field) => [field.path, field.message])] as const,
  );

describe('a header not kept secret without a value (real serve)', () => {
  it('is refused, for a new header and for a saved secret one unticked, and nothing empty is sent', async () => {
    const sink = await startSink();
    serve = await startServe(tempDir());
    expect(
      await refusalOf(
        serve.api('createDestination', {
          body: {
            name: 'Kế toán',
            url: sink.url,
            events: ['order.add'],
            settings: { headers: [{ name: 'X-Trace', value: '', secret: false }] },
          },
        }),
      ),
    ).toEqual([400, [['settings.headers.0.value', 'Enter a value for the X-Trace header.']]]);

    const destination = await serve.api('createDestination', {
      body: {
        name: 'Kế toán',
        url: sink.url,
        events: ['order.add'],
        settings: { headers: [{ name: 'Authorization', value: 'Bearer KeToan77', secret: true }] },
      },
    });
    // As the editor sends it: renamed, unticked, its value field empty (a secret's value is never shown).
    expect(
      await refusalOf(
        serve.api('updateDestination', {
          params: { id: destination.id },
          body: { settings: { headers: [{ name: 'X-Trace', value: '', secret: false }] } },
        }),
      ),
    ).toEqual([400, [['settings.headers.0.value', 'Enter a value for the X-Trace header.']]]);
    const [kept] = await serve.api('listDestinations');
    expect(kept!.settings.headers).toEqual([{ name: 'Authorization', value: null, secret: true, valueSet: true }]);

    await post(await serve.posUrl(), order('HD-9'), orderAdd);
    await sink.waitFor(1);
    expect(sink.received[0]!.headers.authorization).toBe('Bearer KeToan77');
    expect(sink.received[0]!.headers['x-trace']).toBeUndefined();

    // With its value typed it is saved in the open, and listed with it.
    const changed = await serve.api('updateDestination', {
      params: { id: destination.id },
      body: { settings: { headers: [{ name: 'X-Trace', value: 'shop-1', secret: false }] } },
    });
    expect(changed.settings.headers).toEqual([{ name: 'X-Trace', value: 'shop-1', secret: false, valueSet: true }]);
  });
});
