import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewReasonText, reasonText, testReasonText } from '../../main/i18n/reason-text.js';
import { translatorFor } from '../../main/i18n/translator.js';
import { once, orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const SENTENCE =
  'The transformation made only an empty {} or [], or an empty text ("" or only spaces), for this event: none of the fields it names are in it (the event may come from another system than the one the expression was written for), so nothing was sent. Fix the expression (Preview shows what it gives for an event), or choose which events and sources this destination takes, then resend.';
const REASON = { code: 'delivery.transformGivesEmpty', params: {} };

/**
 * A transformation whose output is a text with nothing in it (`""`, `" "` from two missing names joined by a space),
 * against a real `serve` child and a receiver on 127.0.0.1. Before, the 2-byte body `""` went out and the delivery
 * said delivered, though nothing of the order went; `{}` and `[]` already failed so.
 */
describe('a transformation that makes an empty text (real serve process)', () => {
  let serve: ServeProcess;
  let sink: Sink;

  beforeAll(async () => {
    serve = await startServe(tempDir());
    sink = await startSink();
  });
  afterAll(() => serve.stop());

  async function settled(id: string) {
    return waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id } });
      return ['delivered', 'failed'].includes(event.status) ? event : null;
    }, 'the event settling');
  }

  it('fails the delivery at once with the empty output’s sentence, sending nothing; the preview says the same', async () => {
    const destination = await serve.api('createDestination', {
      body: { name: 'CRM', url: sink.url, retry: once, settings: { transform: '""' } },
    });
    const sent = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: 'E-1' }), orderAdd);
    const event = await settled(String(sent.json.id));
    expect(sink.received.map((request) => request.body.toString('utf8'))).toEqual([]);
    expect(event.status).toBe('failed');
    expect(event.deliveries[0]!.attempts).toHaveLength(1);
    const [attempt] = event.deliveries[0]!.attempts;
    expect(attempt).toMatchObject({ category: 'invalid', error: SENTENCE, reason: REASON });
    expect(reasonText(translatorFor('vi'), attempt!.reason, attempt!.error!)).toMatch(
      /^Phép chuyển đổi chỉ cho ra \{\} hoặc \[\] rỗng, hoặc chuỗi rỗng \("" hay chỉ toàn dấu cách\), với sự kiện này/,
    );

    for (const expression of ['""', '"   "', '"\\n\\t"', 'no_first & " " & no_last', '$trim(" ") & ""']) {
      const preview = await serve.api('previewDestination', {
        params: { id: destination.id },
        body: { body: teamcropOrder, expression },
      });
      expect([expression, preview]).toEqual([
        expression,
        { ok: false, error: SENTENCE, reason: REASON, position: null, eventId: null },
      ]);
      if (preview.ok) continue;
      const said = (language: 'en' | 'vi') => previewReasonText(translatorFor(language), preview.reason, preview.error);
      expect(said('en')).toMatch(/^For this event the transformation .* or an empty text \("" or only spaces\), so an/);
      expect(said('vi')).toMatch(/hoặc chuỗi rỗng \("" hay chỉ toàn dấu cách\), vì vậy một đơn như vậy sẽ không/);
    }
    await serve.api('deleteDestination', { params: { id: destination.id } });
  });

  it('says so to a test event, and sends a text with something in it as before', async () => {
    const blank = await serve.api('createDestination', {
      body: { name: 'Blank', url: sink.url, retry: once, settings: { transform: 'invoice_id & " "' } },
    });
    const tested = await serve.api('testDestination', { params: { id: blank.id } });
    expect(tested).toMatchObject({ ok: false, httpStatus: null, reason: REASON });
    expect(testReasonText(translatorFor('en'), tested.reason, tested.error!)).toMatch(
      /^The transformation made only an empty \{\} or \[\], or an empty text \(""/,
    );
    expect(sink.received).toEqual([]);
    await serve.api('deleteDestination', { params: { id: blank.id } });

    const named = await serve.api('createDestination', {
      body: { name: 'Named', url: sink.url, retry: once, settings: { transform: '" " & invoice_id & " "' } },
    });
    const sent = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: 'E-2' }), orderAdd);
    expect((await settled(String(sent.json.id))).status).toBe('delivered');
    expect(sink.received.map((request) => request.body.toString('utf8'))).toEqual([
      JSON.stringify(` ${String(teamcropOrder.invoice_id)} `),
    ]);
    await serve.api('deleteDestination', { params: { id: named.id } });
  });
});
