import { describe, expect, it } from 'vitest';
import { orderAdd, post, teamcropOrder, teamcropOrderRaw } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const teamcrop = orderAdd;
const reshape = '{"order": invoice_id, "total": price_final, "customer": billing_full_name}';

describe('JSONata transformations on a webhook destination (real serve, sink on 127.0.0.1)', () => {
  it('sends the transformed body as JSON, fails at once an event the expression breaks on, and previews both', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    const destination = await serve.api('createDestination', {
      body: { name: 'Sheet', url: sink.url, settings: { transform: reshape } },
    });
    const pos = await serve.posUrl();

    const good = await post(pos, teamcropOrderRaw, teamcrop);
    const [request] = await sink.waitFor(1);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body.toString('utf8'))).toEqual({
      order: 'SPIRAL-170623-1017-DC92',
      total: 936200,
      customer: 'Nguyễn Thúy Linh',
    });

    await serve.api('updateDestination', {
      params: { id: destination.id },
      body: { settings: { transform: '$number(invoice_id)' } },
    });
    const bad = await post(pos, JSON.stringify({ ...teamcropOrder, id: 2 }), teamcrop);
    const failed = await waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id: String(bad.json.id) } });
      return event.status === 'failed' ? event : null;
    }, 'the event the expression breaks on failing');
    expect(failed.deliveries[0]!.attempts).toHaveLength(1);
    expect(failed.deliveries[0]!.attempts[0]).toMatchObject({
      category: 'invalid',
      error: expect.stringMatching(/^The transformation failed.*: /),
    });
    expect(sink.received).toHaveLength(1);

    const preview = await serve.api('previewDestination', {
      params: { id: destination.id },
      body: { eventId: String(good.json.id), expression: reshape },
    });
    expect(preview).toEqual({
      ok: true,
      eventId: good.json.id,
      output: { order: 'SPIRAL-170623-1017-DC92', total: 936200, customer: 'Nguyễn Thúy Linh' },
    });
    const onBody = await serve.api('previewDestination', {
      params: { id: destination.id },
      body: { body: { a: [1, 2, 3] }, expression: '$sum(a)' },
    });
    expect(onBody).toEqual({ ok: true, eventId: null, output: 6 });
    const broken = await serve.api('previewDestination', {
      params: { id: destination.id },
      body: { body: {}, expression: '{"a": }' },
    });
    expect(broken).toMatchObject({ ok: false, position: 7, error: expect.stringContaining('(at character 7)') });
    const saved = await serve.api('previewDestination', {
      params: { id: destination.id },
      body: { eventId: String(good.json.id) },
    });
    expect(saved).toMatchObject({ ok: false, error: expect.stringMatching(/^The transformation failed/) });

    await expect(
      serve.api('updateDestination', { params: { id: destination.id }, body: { settings: { transform: '{"a": }' } } }),
    ).rejects.toThrow(/The transformation has a mistake \(at character 7\).*Fix it before saving\./);
    expect((await serve.api('listDestinations'))[0]!.settings.transform).toBe('$number(invoice_id)');
    await serve.stop();
  });

  it('puts the same mistake at the same position when saving and in a preview, counted as a person counts', async () => {
    const serve = await startServe(tempDir());
    const destination = await serve.api('createDestination', { body: { name: 'Sheet', url: 'http://127.0.0.1:9/' } });
    // As typed in the dashboard, with the space after the colon and a blank line before it.
    // An expression of several lines says the line and the column in it.
    const cases = [
      { expression: '{ "order": invoice_id, "total": ', position: 32, where: 'at character 32' },
      { expression: '\n  { "order": invoice_id ]', position: 26, where: 'at line 2, column 25' },
      { expression: '{ "order": $nosuch(invoice_id) }', position: 12, where: 'at character 12' },
    ];
    for (const { expression, position, where } of cases) {
      const preview = await serve.api('previewDestination', {
        params: { id: destination.id },
        body: { body: { invoice_id: 'A-1' }, expression },
      });
      expect([expression, preview]).toEqual([
        expression,
        expect.objectContaining({ ok: false, position, error: expect.stringContaining(`failed (${where}): `) }),
      ]);
      const saving = serve.api('updateDestination', {
        params: { id: destination.id },
        body: { settings: { transform: expression } },
      });
      if (position === 12) {
        // A function that does not exist is found only when the expression runs, never when saving.
        await saving;
        continue;
      }
      await expect(saving).rejects.toThrow(`The transformation has a mistake (${where}): `);
    }
    await serve.stop();
  });
});
