import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewResult } from '../../main/api/contract.js';
import { previewReasonText } from '../../main/i18n/reason-text.js';
import { translatorFor } from '../../main/i18n/translator.js';
import { orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const INTAKE_PORT = 28101;
const ADMIN_PORT = 28102;

/** An object `levels` deep, made by the expression itself: `{"a":{"a":…{}}}`. */
const nested = (levels: number) => `$reduce([1..${levels}], function($a, $v){ {"a": $a} }, {})`;

const TOO_DEEP =
  'For this event the transformation makes something nested more than 1000 levels deep, too deep to show here. No shop’s data nests so deep: an expression that wraps its own result again and again does this. Check the expression.';
const TOO_DEEP_VI =
  'Với sự kiện này, phép chuyển đổi tạo ra dữ liệu lồng nhau sâu hơn 1000 tầng, quá sâu để hiển thị ở đây. Dữ liệu của cửa hàng không bao giờ lồng sâu như vậy: một biểu thức cứ bọc kết quả của chính nó hết lần này đến lần khác mới gây ra điều này. Hãy kiểm tra lại biểu thức.';

const DEEPER =
  'For this event the transformation goes deeper than Hookferry can follow: a function of it calls itself, or what it makes nests, thousands of levels deep, so an order like it would not be sent. Check the expression.';

/**
 * A preview whose result nests 2,000 levels deep, against a real `serve` process. Before, the JSONata process sent
 * the result back as an object, and the engine's own reading of the message overflowed its stack: the engine
 * process died (intake, deliveries and the dashboard with it) and nothing restarted it headless.
 */
describe('a child process answering something deeply nested (real serve process)', () => {
  let serve: ServeProcess;
  let destinationId: string;

  beforeAll(async () => {
    serve = await startServe(
      tempDir(),
      ['--port', String(INTAKE_PORT), '--admin-port', String(ADMIN_PORT)],
      undefined,
      {},
      'settings',
      'settings',
    );
    const destination = await serve.api('createDestination', {
      body: { name: 'Deep', url: `http://127.0.0.1:${INTAKE_PORT + 98}/nowhere`, paused: true },
    });
    destinationId = destination.id;
    const sent = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: 'D-1' }), orderAdd);
    expect(sent.status).toBeLessThan(300);
  });
  afterAll(() => serve.stop());

  /**
   * The preview, asked again (for up to a minute) while a busy machine runs it out of its one second: the nesting
   * is what is tested, not the time. Its process is fresh after each such try, and JSONata in a fresh process is
   * slow until warmed by an expression that nests less (2,000 levels ran 4-5 s cold, under 0.4 s warm).
   */
  async function preview(body: { expression?: string; body?: unknown }): Promise<PreviewResult> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const answer = await serve.api('previewDestination', { params: { id: destinationId }, body });
      if (answer.ok || answer.reason?.code !== 'delivery.transformTooLong' || Date.now() > deadline) return answer;
      await serve.api('previewDestination', { params: { id: destinationId }, body: { expression: nested(300) } });
    }
  }

  async function stillServes(invoice: string) {
    expect(serve.child.exitCode).toBeNull();
    expect((await fetch(`${serve.runtime.ingestUrl}/healthz`)).status).toBe(200);
    const sent = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: invoice }), orderAdd);
    expect(sent.status).toBeLessThan(300);
    expect(typeof sent.json.id).toBe('string');
    expect((await serve.api('getEvent', { params: { id: String(sent.json.id) } })).id).toBe(sent.json.id);
  }

  it(
    'answers a 2,000-level result with a sentence, and the engine goes on taking orders',
    { timeout: 90_000 },
    async () => {
      const answer = await preview({ expression: nested(2000) });
      expect(answer).toEqual({
        ok: false,
        error: TOO_DEEP,
        reason: { code: 'preview.tooDeep', params: { max: 1000 } },
        position: null,
        eventId: expect.any(String),
      });
      const failed = answer as Extract<PreviewResult, { ok: false }>;
      expect(previewReasonText(translatorFor('en'), failed.reason, failed.error)).toBe(TOO_DEEP);
      expect(previewReasonText(translatorFor('vi'), failed.reason, failed.error)).toBe(TOO_DEEP_VI);
      await stillServes('D-2');
    },
  );

  it('says the same of the saved transformation, and of 3,000 and 4,000 levels', { timeout: 200_000 }, async () => {
    await serve.api('updateDestination', {
      params: { id: destinationId },
      body: { settings: { transform: nested(2000) } },
    });
    expect(await preview({})).toMatchObject({ ok: false, reason: { code: 'preview.tooDeep' } });
    for (const levels of [3000, 4000]) {
      const answer = await preview({ expression: nested(levels), body: { a: 1 } });
      // Past some depth JSONata overflows its own stack first, in its process: said in a sentence, not its words.
      expect([levels, answer]).toMatchObject([levels, { ok: false, reason: { code: 'delivery.transformTooDeep' } }]);
      const failed = answer as Extract<PreviewResult, { ok: false }>;
      expect(previewReasonText(translatorFor('en'), failed.reason, failed.error)).toBe(DEEPER);
      expect(previewReasonText(translatorFor('vi'), failed.reason, failed.error)).toMatch(
        /^Với sự kiện này, phép chuyển đổi đi sâu hơn mức/,
      );
    }
    // A delivery's (here a test event's) says the same, in a delivery's words.
    await serve.api('updateDestination', {
      params: { id: destinationId },
      body: { settings: { transform: nested(4000) } },
    });
    const deadline = Date.now() + 60_000;
    let tested = await serve.api('testDestination', { params: { id: destinationId } });
    while (tested.reason?.code === 'delivery.transformTooLong' && Date.now() < deadline)
      tested = await serve.api('testDestination', { params: { id: destinationId } });
    expect(tested).toMatchObject({
      ok: false,
      httpStatus: null,
      error:
        'The transformation went deeper than Hookferry can follow: a function of it calls itself, or what it makes nests, thousands of levels deep. Fix the expression, then resend.',
      reason: { code: 'delivery.transformTooDeep' },
    });
    await stillServes('D-3');
  });

  it('says a given body too deep for the JSONata process to read, without ending that process', async () => {
    let body: unknown = 1;
    for (let level = 0; level < 2500; level++) body = { a: body };
    const answer = await serve.api('previewDestination', {
      params: { id: destinationId },
      body: { expression: '1', body },
    });
    // Before, the process died reading it, twice (run again once), and the preview said it "stopped unexpectedly".
    expect(answer).toMatchObject({
      ok: false,
      reason: { code: 'delivery.cannotHand', params: { message: 'Maximum call stack size exceeded' } },
    });
    await stillServes('D-5');
  });

  it('still shows a result nested as deep as a shop’s data, whole', async () => {
    let expected: unknown = {};
    for (let level = 0; level < 150; level++) expected = { a: expected };
    expect(await preview({ expression: nested(150), body: { a: 1 } })).toEqual({
      ok: true,
      output: expected,
      eventId: null,
    });
  });

  it('bounds a huge result (a 50 MB string) with a sentence', { timeout: 30_000 }, async () => {
    const answer = await serve.api('previewDestination', {
      params: { id: destinationId },
      body: { expression: '$pad("x", 50000000)', body: { a: 1 } },
    });
    expect(answer.ok).toBe(false);
    const failed = answer as Extract<PreviewResult, { ok: false }>;
    // Made within its second it is too big to send; on a busy machine it runs out of its second first.
    expect(['delivery.transformOutputTooBig', 'delivery.transformTooLong']).toContain(failed.reason?.code);
    expect(JSON.stringify(answer).length).toBeLessThan(2000);
    await stillServes('D-4');
  });
});

/**
 * A Zithara destination's preview of a body typed in (the admin API's `body`), nested thousands of levels deep: mapped
 * on the engine's thread, so what cannot be written is said in a sentence and the engine goes on. Sent as text: this
 * process could not write such a body itself.
 */
describe('a Zithara preview of a body typed in deeply nested (real serve process)', () => {
  const nestedObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  const TOO_DEEP_ZITHARA =
    'This body is nested too deeply (thousands of levels) to be turned into Zithara’s format, so it would not be sent. No shop’s order nests so deep: check the body.';

  it(
    'says what it cannot map in a sentence, shows what it can, and the engine goes on',
    { timeout: 60_000 },
    async () => {
      const serve = await startServe(tempDir());
      const destination = await serve.api('createDestination', {
        body: {
          name: 'Zithara CRM',
          kind: 'zithara',
          url: 'http://127.0.0.1:9/v1',
          paused: true,
          settings: { clientId: 'client', clientSecret: 'secret', currency: 'VND' },
        },
      });
      const preview = async (type: string, bodyText: string) => {
        const answer = await fetch(`${serve.runtime.adminUrl}/api/destinations/${destination.id}/preview`, {
          method: 'POST',
          headers: { authorization: `Bearer ${serve.runtime.adminToken}`, 'content-type': 'application/json' },
          body: `{"type":${JSON.stringify(type)},"body":${bodyText}}`,
        });
        expect(answer.status).toBe(200);
        return (await answer.json()) as PreviewResult;
      };
      const customer = '{"platform_customer_id":"7","email":"a@b.vn"}';

      for (const levels of [5_000, 100_000]) {
        // Zithara's module shapes are passed on whole: nothing to send that deep.
        const answer = await preview(
          'sales_order_place_after',
          `{"order":${nestedObject(levels)},"customer":${customer}}`,
        );
        expect([levels, answer]).toEqual([
          levels,
          {
            ok: false,
            error: TOO_DEEP_ZITHARA,
            reason: { code: 'zithara.tooDeep', params: {} },
            position: null,
            eventId: null,
          },
        ]);
        const failed = answer as Extract<PreviewResult, { ok: false }>;
        expect(previewReasonText(translatorFor('vi'), failed.reason, failed.error)).toMatch(
          /^Nội dung này lồng nhau quá sâu \(hàng nghìn tầng\)/,
        );
      }
      // A Teamcrop order reads only the fields it needs: a deep line without them is left out, the order shown.
      const order = await preview('order.add', `{"id":1,"customer_id":7,"items":[${nestedObject(100_000)}]}`);
      expect(order).toMatchObject({ ok: true, output: { method: 'POST', body: { order_line_item: [] } } });
      // Deep lists, and a deep XML text (a typed-in body is not read as XML), are no order at all.
      const lists = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
      const xml = JSON.stringify(`<order>${'<a>'.repeat(8_000)}1${'</a>'.repeat(8_000)}</order>`);
      for (const body of [lists, xml])
        expect(await preview('order.add', body)).toMatchObject({ ok: false, reason: { code: 'zithara.notObject' } });

      expect(serve.child.exitCode).toBeNull();
      const sent = await post(await serve.posUrl(), JSON.stringify({ ...teamcropOrder, id: 'Z-1' }), orderAdd);
      expect(sent.status).toBeLessThan(300);
      await serve.stop();
    },
  );
});
