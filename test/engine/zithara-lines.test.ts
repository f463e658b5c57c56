import { XMLBuilder } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { type FakeZithara, startFakeZithara } from '../helpers/fake-zithara.js';
import { post, teamcropOrder } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const quickRetry = { maxAttempts: 2, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
const as = (type: string) => ({ 'content-type': 'application/json', 'Tc-Webhook-Event': type });

async function setup(zithara: FakeZithara, fields: { events: string[]; sourceIds?: string[] }) {
  const serve = await startServe(tempDir());
  const destination = await serve.api('createDestination', {
    body: {
      name: 'Zithara CRM',
      kind: 'zithara',
      url: zithara.baseUrl,
      retry: quickRetry,
      ...fields,
      settings: { clientId: zithara.clientId, clientSecret: zithara.clientSecret, currency: 'VND' },
    },
  });
  return { serve, destination, pos: await serve.posUrl() };
}

async function settled(serve: ServeProcess, id: unknown) {
  return waitUntil(
    async () => {
      const event = await serve.api('getEvent', { params: { id: String(id) } });
      return ['delivered', 'failed', 'skipped'].includes(event.status) ? event : null;
    },
    `event ${String(id)} settling`,
  );
}

const line = (id: number, orderId: unknown, quantity: number) =>
  JSON.stringify({ id, order_id: orderId, sku: `SKU-${id}`, product_name: `Áo ${id}`, quantity, price: 1000 });

/** Each call at Zithara as "order: line×quantity …", in the order the lines were sent. */
function sent(zithara: FakeZithara): string[] {
  return zithara.accepted.map((call) => {
    const body = call.body as {
      order: { platform_order_id: string; name: string };
      order_line_item: { platform_line_item_id: string; quantity: number }[];
    };
    const lines = body.order_line_item.map((l) => `${l.platform_line_item_id}×${l.quantity}`).join(' ');
    return `${body.order.name}: ${lines}`.trim();
  });
}

describe('the Zithara destination finds an order and its lines among the stored events (real serve, fake Zithara)', () => {
  it('is not stopped by a stored order or line event of any shape: every next line is sent', async () => {
    const zithara = await startFakeZithara();
    const { serve, pos } = await setup(zithara, { events: ['order.*'] });
    const orderId = teamcropOrder.id;
    await settled(serve, (await post(pos, JSON.stringify(teamcropOrder), as('order.add'))).json.id);
    expect((await settled(serve, (await post(pos, line(91, orderId, 1), as('order.additem'))).json.id)).status).toBe(
      'delivered',
    );

    // Bodies whose every top-level value is text: the type read from the body, a note, a form with an empty field,
    // a sender that writes every number as a string, and an order wrapped in an element of plain text.
    const odd = [
      await post(pos, '{"event":"order.add"}', { 'content-type': 'application/json' }),
      await post(pos, '{"note":"hi"}', as('order.edititem')),
      await post(pos, 'id=&order_id=&note=', {
        'content-type': 'application/x-www-form-urlencoded',
        'Tc-Webhook-Event': 'order.additem',
      }),
      await post(pos, JSON.stringify({ id: '7', order_id: String(orderId), quantity: '1' }), as('order.edititem')),
      await post(pos, new XMLBuilder({}).build({ order: 'text' }), {
        'content-type': 'application/xml',
        'Tc-Webhook-Event': 'order.edit',
      }),
      await post(pos, '[1, 2]', as('order.additem')),
    ];
    for (const { status, json } of odd) {
      expect(status).toBe(200);
      await settled(serve, json.id);
    }

    const next = await settled(serve, (await post(pos, line(92, orderId, 2), as('order.additem'))).json.id);
    expect(next.deliveries[0]!.attempts[0]!.error).toBeNull();
    expect(next.status).toBe('delivered');
    expect(sent(zithara).at(-1)).toBe(`${teamcropOrder.invoice_id as string}: 91×1 7×1 92×2`);

    // An order posted with the byte-order mark some Windows senders write is found by its lines too.
    const marked = { ...teamcropOrder, id: 3100001, invoice_id: 'BOM-1' };
    await settled(serve, (await post(pos, `\uFEFF${JSON.stringify(marked)}`, as('order.add'))).json.id);
    await settled(serve, (await post(pos, line(1, 3100001, 4), as('order.additem'))).json.id);
    expect(sent(zithara).at(-1)).toBe('BOM-1: 1×4');
    await serve.stop();
  });

  it('sends the newest version of every line, and the line being sent, when an order has more than 500 line events', async () => {
    const zithara = await startFakeZithara();
    // The lines are stored first without going to Zithara, then the last one goes: one lookup over 520 line events.
    const { serve, pos, destination } = await setup(zithara, { events: ['order.add'] });
    const orderId = 88880001;
    await settled(
      serve,
      (await post(pos, JSON.stringify({ ...teamcropOrder, id: orderId, invoice_id: 'MANY' }), as('order.add'))).json.id,
    );
    const newest = new Map<number, number>();
    for (let i = 1; i < 520; i++) {
      const id = 5000 + (i % 300);
      expect((await post(pos, line(id, orderId, i), as(i <= 300 ? 'order.additem' : 'order.edititem'))).status).toBe(
        200,
      );
      newest.set(id, i);
    }
    await serve.api('updateDestination', { params: { id: destination.id }, body: { events: ['order.*'] } });
    const last = await post(pos, line(5220, orderId, 520), as('order.edititem'));
    newest.set(5220, 520);
    expect((await settled(serve, last.json.id)).status).toBe('delivered');

    const call = zithara.accepted.at(-1)!.body as {
      order_line_item: { platform_line_item_id: string; quantity: number }[];
    };
    const got = new Map(call.order_line_item.map((l) => [Number(l.platform_line_item_id), l.quantity]));
    expect(got.get(5220)).toBe(520);
    expect(got.get(5201)).toBe(501);
    expect(got).toEqual(newest);
    await serve.stop();
  }, 120_000);

  it('reads an order and its lines only from the source the event came in on: another source cannot change them', async () => {
    const zithara = await startFakeZithara();
    const serve = await startServe(tempDir());
    const pos = await serve.posUrl();
    const posSource = (await serve.api('listSources')).find((source) => source.name === 'POS')!;
    const other = await serve.api('createSource', { body: { name: 'Other', kind: 'generic' } });
    await serve.api('createDestination', {
      body: {
        name: 'Zithara CRM',
        kind: 'zithara',
        url: zithara.baseUrl,
        retry: quickRetry,
        events: ['order.*'],
        sourceIds: [posSource.id],
        settings: { clientId: zithara.clientId, clientSecret: zithara.clientSecret, currency: 'VND' },
      },
    });
    const orderId = 3200001;
    await settled(
      serve,
      (await post(pos, JSON.stringify({ ...teamcropOrder, id: orderId, invoice_id: 'REAL' }), as('order.add'))).json.id,
    );
    await settled(serve, (await post(pos, line(1, orderId, 1), as('order.additem'))).json.id);

    // Another source (no signature asked) posts the same order id, edited, and a line of it.
    const forged = [
      await post(
        other.ingestUrl,
        JSON.stringify({ ...teamcropOrder, id: orderId, invoice_id: 'FORGED' }),
        as('order.edit'),
      ),
      await post(other.ingestUrl, line(1, orderId, 999), as('order.edititem')),
      await post(other.ingestUrl, line(66, orderId, 1), as('order.additem')),
    ];
    for (const { status } of forged) expect(status).toBe(200);

    await settled(serve, (await post(pos, line(2, orderId, 3), as('order.additem'))).json.id);
    expect(sent(zithara)).toEqual(['REAL:', 'REAL: 1×1', 'REAL: 1×1 2×3']);

    // And the other way round: a line of the other source is read with that source's order and lines.
    const preview = await serve.api('previewDestination', {
      params: { id: (await serve.api('listDestinations'))[0]!.id },
      body: { eventId: String(forged[2]!.json.id) },
    });
    expect(preview).toMatchObject({ ok: true, output: { body: { order: { name: 'FORGED' } } } });
    const previewed = (preview as { output: { body: { order_line_item: { platform_line_item_id: string }[] } } }).output
      .body.order_line_item;
    expect(previewed.map((l) => l.platform_line_item_id)).toEqual(['1', '66']);
    await serve.stop();
  });
});
