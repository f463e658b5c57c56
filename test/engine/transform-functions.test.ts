import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once, orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const SENTENCE =
  'The transformation gives a function where a value belongs, so nothing was sent. A function such as $uppercase is used with brackets around what it works on, as in $uppercase(name): fix the transformation, then resend.';

/**
 * A transformation that gives a function instead of a value (`$uppercase` with its brackets forgotten, a
 * `function(…)` never called), against a real `serve` child and a receiver on 127.0.0.1.
 */
describe('a transformation that gives a function (real serve process)', () => {
  let serve: ServeProcess;
  let sink: Sink;

  beforeAll(async () => {
    serve = await startServe(tempDir());
    sink = await startSink();
  });
  afterAll(() => serve.stop());

  it('fails the delivery with a sentence instead of sending JSONata’s insides as the customer’s name', async () => {
    await serve.api('createDestination', {
      body: {
        name: 'CRM',
        url: sink.url,
        retry: once,
        settings: { transform: '{"order": invoice_id, "customer": $uppercase}' },
      },
    });
    const sent = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: 'F-1' }), orderAdd);
    expect(sent.status).toBe(200);
    const settled = await waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id: String(sent.json.id) } });
      return ['delivered', 'failed'].includes(event.status) ? event : null;
    }, 'the event settling');
    // Before: delivered, the receiver given {"customer":{"_jsonata_function":true,"signature":{…}}}.
    expect(sink.received.map((request) => request.body.toString('utf8'))).toEqual([]);
    expect(settled.status).toBe('failed');
    expect(settled.deliveries[0]!.attempts).toHaveLength(1);
    expect(settled.deliveries[0]!.attempts[0]).toMatchObject({ category: 'invalid', error: SENTENCE });
    expect(settled.deliveries[0]!.lastReason).toEqual({ code: 'delivery.transformGivesFunction', params: {} });
  });

  it('says the same in a preview, for a built-in and for a function the expression writes', async () => {
    const [destination] = await serve.api('listDestinations');
    for (const expression of ['$uppercase', '{"f": function($x){ $x }}', '[1, $sum]']) {
      const preview = await serve.api('previewDestination', {
        params: { id: destination!.id },
        body: { body: { name: 'Linh' }, expression },
      });
      // Before: ok with JSONata's insides, or "Converting circular structure to JSON --> starting at object…".
      expect([expression, preview]).toEqual([
        expression,
        {
          ok: false,
          error: SENTENCE,
          reason: { code: 'delivery.transformGivesFunction', params: {} },
          position: null,
          eventId: null,
        },
      ]);
    }
    // A body that only names such a field is a value like any other.
    const named = await serve.api('previewDestination', {
      params: { id: destination!.id },
      body: { body: { _jsonata_function: true, implementation: 'x' }, expression: '$' },
    });
    expect(named).toEqual({ ok: true, eventId: null, output: { _jsonata_function: true, implementation: 'x' } });
    expect((await fetch(`${serve.runtime.ingestUrl}/healthz`)).status).toBe(200);
  });
});
