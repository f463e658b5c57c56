import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonText, testReasonText } from '../../main/i18n/reason-text.js';
import { translatorFor } from '../../main/i18n/translator.js';
import { once, orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const SENTENCE =
  'The transformation gave nothing for this event (most likely it names a field this event does not have), so nothing was sent. Fix the expression (Preview shows what it gives for an event), then resend.';
const VIETNAMESE =
  'Phép chuyển đổi không cho ra gì với sự kiện này (nhiều khả năng biểu thức dùng tên một trường mà sự kiện này không có), nên chưa gửi gì đi. Hãy sửa biểu thức (bấm Xem trước để thấy nó cho ra gì với một sự kiện), rồi gửi lại.';
const REASON = { code: 'delivery.transformGivesNothing', params: {} };

/**
 * A transformation that gives JSONata's "nothing" (a mistyped field name), against a real `serve` child and a
 * receiver on 127.0.0.1. Before, the body `null` went out as application/json and the delivery said delivered.
 */
describe('a transformation that gives nothing (real serve process)', () => {
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

  it('fails the delivery at once with a sentence, sending nothing, and the preview says the same', async () => {
    const destination = await serve.api('createDestination', {
      body: { name: 'CRM', url: sink.url, retry: once, settings: { transform: '{"order": invoice_id}.nothing_here' } },
    });
    const sent = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: 'N-1' }), orderAdd);
    const event = await settled(String(sent.json.id));
    expect(sink.received.map((request) => request.body.toString('utf8'))).toEqual([]);
    expect(event.status).toBe('failed');
    expect(event.deliveries[0]!.attempts).toHaveLength(1);
    const [attempt] = event.deliveries[0]!.attempts;
    expect(attempt).toMatchObject({ category: 'invalid', error: SENTENCE, reason: REASON });
    expect(reasonText(translatorFor('vi'), attempt!.reason, attempt!.error!)).toBe(VIETNAMESE);

    for (const expression of ['nothing_here', 'invoice_idd', '$lookup($, "x")']) {
      const preview = await serve.api('previewDestination', {
        params: { id: destination.id },
        body: { body: teamcropOrder, expression },
      });
      expect([expression, preview]).toEqual([
        expression,
        { ok: false, error: SENTENCE, reason: REASON, position: null, eventId: null },
      ]);
    }
    await serve.api('deleteDestination', { params: { id: destination.id } });
  });

  it('says to a test event that it has only its own fields, and sends nothing', async () => {
    const destination = await serve.api('createDestination', {
      body: { name: 'Orders only', url: sink.url, retry: once, settings: { transform: 'invoice_id' } },
    });
    const tested = await serve.api('testDestination', { params: { id: destination.id } });
    expect(tested).toMatchObject({ ok: false, httpStatus: null, reason: REASON });
    expect(testReasonText(translatorFor('en'), tested.reason, tested.error!)).toBe(
      'The transformation gave nothing for the test event, which has only the fields event, message and sentAt, so nothing was sent. To see what it gives for a real order, use Preview.',
    );
    expect(testReasonText(translatorFor('vi'), tested.reason, tested.error!)).toMatch(
      /^Phép chuyển đổi không cho ra gì/,
    );
    expect(sink.received).toEqual([]);
    await serve.api('deleteDestination', { params: { id: destination.id } });
  });

  it('sends null where the expression writes null itself: that is its answer, not a missing field', async () => {
    const destination = await serve.api('createDestination', {
      body: { name: 'Null on purpose', url: sink.url, retry: once, settings: { transform: 'null' } },
    });
    expect(
      await serve.api('previewDestination', { params: { id: destination.id }, body: { body: teamcropOrder } }),
    ).toEqual({ ok: true, output: null, eventId: null });
    const sent = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: 'N-2' }), orderAdd);
    expect((await settled(String(sent.json.id))).status).toBe('delivered');
    const got = sink.received.filter((request) => request.headers['webhook-id'] === sent.json.id);
    expect(got.map((request) => [request.headers['content-type'], request.body.toString('utf8')])).toEqual([
      ['application/json', 'null'],
    ]);
    await serve.api('deleteDestination', { params: { id: destination.id } });
  });
});
