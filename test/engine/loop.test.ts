import { describe, expect, it } from 'vitest';
import type { DestinationCreate, StreamMessage } from '../../main/api/contract.js';
import { ApiCallError } from '../../main/api/client.js';
import { orderAdd, post, teamcropOrder, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const quick = { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 };

/** Everything the live stream says from now on, gathered as it comes. */
async function listen(serve: ServeProcess) {
  const messages: StreamMessage[] = [];
  const controller = new AbortController();
  const response = await fetch(`${serve.runtime.adminUrl}/api/stream`, {
    headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    signal: controller.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines.filter((l) => l.startsWith('data: ')))
        messages.push(JSON.parse(line.slice(6)) as StreamMessage);
    }
  };
  pump().catch(() => undefined);
  return { messages, close: () => controller.abort() };
}

async function eventWhen(serve: ServeProcess, id: string, status: string) {
  return waitUntil(async () => {
    const event = await serve.api('getEvent', { params: { id } });
    return event.status === status ? event : null;
  }, `event ${id} becoming ${status}`);
}

async function refusal(call: Promise<unknown>): Promise<ApiCallError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiCallError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

async function destination(serve: ServeProcess, body: Partial<DestinationCreate> & { url: string }) {
  return serve.api('createDestination', { body: { name: 'Sink', retry: quick, ...body } });
}

describe('statuses never claim more than happened (real serve)', () => {
  it('shows a failure while another destination waits paused, discarded as discarded, each change on the stream', async () => {
    const serve = await startServe(tempDir());
    const failing = await startSink();
    failing.script(() => ({ status: 500 }));
    const waiting = await startSink();
    const crm = await destination(serve, { name: 'CRM', url: failing.url });
    const books = await destination(serve, { name: 'Books', url: waiting.url, paused: true });
    const live = await listen(serve);
    const { json } = await post(await serve.posUrl(), '{"id":1}', orderAdd);
    const id = String(json.id);

    const failed = await eventWhen(serve, id, 'failed');
    const paused = failed.deliveries.find((d) => d.destinationId === books.id)!;
    expect(paused).toMatchObject({ status: 'pending', paused: true, nextAttemptAt: null });
    // It waits in Failed (its status), but the Overview's day counts it on its way: Books, paused, may still take it.
    expect((await serve.api('getStats')).today).toMatchObject({ failed: 0, pending: 1 });
    expect((await serve.api('listEvents', { query: { status: 'failed' } })).items.map((e) => e.id)).toEqual([id]);

    const failedDelivery = failed.deliveries.find((d) => d.destinationId === crm.id)!;
    await serve.api('discardDelivery', { params: { id: failedDelivery.id } });
    await waitUntil(
      () => live.messages.find((m) => m.type === 'delivery' && m.delivery.status === 'discarded'),
      'the discard on the stream',
    );
    const told = live.messages.find((m) => m.type === 'delivery' && m.delivery.status === 'discarded');
    expect(told).toMatchObject({ eventId: id, eventStatus: 'pending' });

    await serve.api('updateDestination', { params: { id: books.id }, body: { paused: false } });
    const done = await eventWhen(serve, id, 'discarded');
    expect(done.deliveries.map((d) => d.status).sort()).toEqual(['delivered', 'discarded']);
    expect((await serve.api('getStats')).today).toMatchObject({
      discarded: 0,
      partlyDiscarded: 1,
      delivered: 0,
      failed: 0,
    });
    await waitUntil(
      () => live.messages.find((m) => m.type === 'delivery' && m.eventStatus === 'discarded'),
      'the final status on the stream',
    );
    live.close();
    await serve.stop();
  });
});

describe('deliveries API and bulk resend (real serve)', () => {
  it('lists failures with their event and reason, counts them by destination and reason, and follows a bulk resend to its outcome', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    sink.script((request) => (request.body.toString().includes('"gone"') ? { status: 410 } : { status: 500 }));
    const crm = await destination(serve, { name: 'CRM', url: sink.url });
    const pos = await serve.posUrl();
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) ids.push(String((await post(pos, `{"invoice_id":"INV-${n}"}`, orderAdd)).json.id));
    ids.push(String((await post(pos, '{"invoice_id":"INV-9","kind":"gone"}', orderAdd)).json.id));
    for (const id of ids) await eventWhen(serve, id, 'failed');

    const page = await serve.api('listDeliveries', { query: { status: 'failed', limit: 3 } });
    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toMatchObject({
      eventId: ids[3],
      destinationId: crm.id,
      destinationName: 'CRM',
      status: 'failed',
      attemptCount: 1,
      lastError: expect.stringMatching(/410/),
      lastReason: { code: 'delivery.gone', params: { status: expect.stringMatching(/^410/) } },
      event: { type: 'order.add', summary: 'order.add · INV-9' },
    });
    expect(page.items[0]!.lastAttemptAt).not.toBeNull();
    const rest = await serve.api('listDeliveries', { query: { status: 'failed', before: page.next! } });
    expect(rest.next).toBeNull();
    expect([...page.items, ...rest.items].map((d) => d.eventId)).toEqual([...ids].reverse());

    const counts = await serve.api('deliveryCounts', { query: {} });
    expect(counts.destinations).toHaveLength(1);
    expect(counts.destinations[0]).toMatchObject({ destinationName: 'CRM', count: 4 });
    // The reason holding the newest event first (INV-9, sent last), not the one with most.
    expect(counts.destinations[0]!.reasons.map((r) => [r.count, r.reason?.code])).toEqual([
      [1, 'delivery.gone'],
      [3, 'delivery.serverError'],
    ]);
    const serverError = counts.destinations[0]!.reasons[1]!.lastError!;

    sink.script((_, n) => (n % 2 === 0 ? { status: 200 } : { status: 500 }));
    const live = await listen(serve);
    const resent = await serve.api('resendFailed', { params: { id: crm.id }, body: { lastError: serverError } });
    expect(resent).toMatchObject({ queued: 3, batchId: expect.any(String) });
    const finished = await waitUntil(async () => {
      const batch = (await serve.api('listResendBatches')).find((b) => b.id === resent.batchId);
      return batch?.finishedAt ? batch : null;
    }, 'the batch to finish');
    expect(finished).toMatchObject({ destinationName: 'CRM', lastError: serverError, total: 3, waiting: 0 });
    expect(finished.delivered + finished.failed).toBe(3);
    const deliveredNow = (await serve.api('listDeliveries', { query: { status: 'delivered' } })).items.length;
    expect(finished.delivered).toBe(deliveredNow);
    await waitUntil(
      () => live.messages.find((m) => m.type === 'resend-batch' && m.batch.finishedAt !== null),
      'the finished batch on the stream',
    );
    live.close();

    // The 410 is a reason of its own: discarding it leaves the other reason alone.
    const goneError = counts.destinations[0]!.reasons[0]!.lastError!;
    expect(await serve.api('discardFailed', { params: { id: crm.id }, body: { lastError: goneError } })).toEqual({
      discarded: 1,
    });
    await eventWhen(serve, ids[3]!, 'discarded');
    await serve.stop();
  });

  it('resends to all against today’s destinations, says to how many, and refuses with a sentence when none takes it', async () => {
    const serve = await startServe(tempDir());
    const pos = await serve.posUrl();
    const { json } = await post(pos, '{"id":7}', orderAdd);
    const id = String(json.id);
    const before = await serve.api('getEvent', { params: { id } });
    expect(before).toMatchObject({ status: 'received', deliveries: [] });
    const none = await refusal(serve.api('resendEvent', { params: { id }, body: {} }));
    expect(none.status).toBe(409);
    expect(none.message).toMatch(/No destination takes order\.add events now/);
    // With its code, so the dashboard says it in the merchant's language.
    expect(none.reason).toEqual({ code: 'resend.nowhere', params: { type: 'order.add' } });

    const sink = await startSink();
    await destination(serve, { name: 'Accounting', url: sink.url, events: ['order.add'] });
    const explained = await serve.api('getEvent', { params: { id } });
    expect(explained.routing).toBe(
      'When this event arrived, no destination took order.add. Now this kind goes to “Accounting”: Resend to all sends it there.',
    );
    expect(await serve.api('resendEvent', { params: { id }, body: {} })).toEqual({
      queued: 1,
      sending: 0,
      waiting: 0,
    });
    const [request] = await sink.waitFor(1);
    expect(request!.headers['webhook-id']).toBe(id);
    await eventWhen(serve, id, 'delivered');
    await serve.stop();
  });
});

describe('ordered mode is strict (real serve)', () => {
  it('holds the line behind a head that failed for good, names it, and moves on when it is discarded', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    sink.script((request) => (request.body.toString().includes('SPIRAL') ? { status: 500 } : { status: 200 }));
    await destination(serve, { url: sink.url, ordered: true });
    const pos = await serve.posUrl();
    const head = String((await post(pos, teamcropOrderRaw, orderAdd)).json.id);
    const later = [
      String((await post(pos, '{"n":2}', orderAdd)).json.id),
      String((await post(pos, '{"n":3}', orderAdd)).json.id),
    ];
    const failed = await eventWhen(serve, head, 'failed');
    // The queue looks again after each result; give it the chance to (wrongly) send what waits.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.received).toHaveLength(1);
    const waiting = await serve.api('getEvent', { params: { id: later[1]! } });
    expect(waiting.status).toBe('pending');
    expect(waiting.deliveries[0]).toMatchObject({
      nextAttemptAt: null,
      heldBy: { eventId: head, label: 'SPIRAL-170623-1017-DC92', status: 'failed' },
    });
    expect((await serve.api('getStats')).destinations[0]!.heldBy).toMatchObject({ eventId: head, status: 'failed' });

    await serve.api('discardDelivery', { params: { id: failed.deliveries[0]!.id } });
    for (const id of later) await eventWhen(serve, id, 'delivered');
    expect(sink.received.slice(1).map((r) => r.body.toString())).toEqual(['{"n":2}', '{"n":3}']);
    await serve.stop();
  });
});

describe('test events (real serve)', () => {
  it('shows a test event in the live log, marked as a test, with the destination’s answer', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    const created = await destination(serve, { url: sink.url });
    const live = await listen(serve);
    expect(await serve.api('testDestination', { params: { id: created.id } })).toMatchObject({ ok: true });
    const message = await waitUntil(
      () => live.messages.find((m) => m.type === 'event'),
      'the test event on the stream',
    );
    expect(message).toMatchObject({ event: { type: 'hookferry.test', test: true, status: 'delivered' } });
    const [listed] = (await serve.api('listEvents', { query: {} })).items;
    expect(listed).toMatchObject({ type: 'hookferry.test', test: true });
    const detail = await serve.api('getEvent', { params: { id: listed!.id } });
    expect(detail.deliveries[0]!.attempts[0]).toMatchObject({ category: 'delivered', httpStatus: 200 });
    expect(sink.received[0]!.headers['webhook-id']).toBe(listed!.id);
    live.close();
    await serve.stop();
  });
});

describe('search the way shopkeepers type (real serve)', () => {
  it('finds orders whatever the case, accents or đ, by name, phone, email, invoice, id and type, by word starts', async () => {
    const serve = await startServe(tempDir());
    const pos = await serve.posUrl();
    const linh = String((await post(pos, teamcropOrderRaw, orderAdd)).json.id);
    const nam = String(
      (
        await post(
          pos,
          JSON.stringify({
            ...teamcropOrder,
            id: 99_000_002,
            billing_full_name: 'Đỗ Văn Nam',
            shipping_full_name: 'Đỗ Văn Nam',
            contact_email: 'dovannam@example.com',
            billing_phone: '0912000111',
            shipping_phone: '0912000111',
          }),
          { ...orderAdd, 'Tc-Webhook-Event': 'order.edit' },
        )
      ).json.id,
    );
    await post(pos, '{"invoice_id":"OTHER-1","billing_full_name":"Trần Thị Hoa"}', orderAdd);
    // Phones as web-shop customers type them: with spaces, or with +84 in front.
    const spaced = (await post(pos, '{"invoice_id":"WEB-1","billing_phone":"0987 654 321"}', orderAdd)).json.id;
    const international = (await post(pos, '{"invoice_id":"WEB-2","billing_phone":"+84 901 234 567"}', orderAdd)).json
      .id;
    const found = async (q: string) =>
      (await serve.api('listEvents', { query: { q } })).items.map((item) => item.id).sort();
    const both = [linh, nam].sort();
    expect(await found('nguyen')).toEqual([linh]);
    expect(await found('NGUYỄN')).toEqual([linh]);
    expect(await found('nguyễn thúy')).toEqual([linh]);
    expect(await found('đỗ')).toEqual([nam]);
    expect(await found('do van nam')).toEqual([nam]);
    expect(await found('0938474843')).toEqual([linh]);
    expect(await found('0938')).toEqual([linh]);
    for (const typed of ['0938 474 843', '0938.474.843', '+84 938 474 843', '+84938474843', '84938474843'])
      expect(await found(typed), typed).toEqual([linh]);
    for (const typed of ['0987654321', '0987 654 321', '+84 987 654 321', '0987.654.321'])
      expect(await found(typed), typed).toEqual([spaced]);
    for (const typed of ['0901234567', '0901 234 567', '+84901234567'])
      expect(await found(typed), typed).toEqual([international]);
    expect(await found('nguyenthuylinh@gmail')).toEqual([linh]);
    expect(await found('DOVANNAM')).toEqual([nam]);
    expect(await found('SPIRAL-170623')).toEqual(both);
    expect(await found('order.edit')).toEqual([nam]);
    expect(await found(linh)).toEqual([linh]);
    expect(await found('hoa" OR "linh')).toEqual([]);
    expect((await serve.api('listEvents', { query: { q: 'spiral', limit: 1 } })).next).not.toBeNull();
    await serve.stop();
  });
});
