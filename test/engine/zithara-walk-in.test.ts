import { describe, expect, it } from 'vitest';
import { mapForZithara } from '../../main/delivery/kinds/zithara/mapping.js';
import { deliveryReasons } from '../../main/i18n/reasons/delivery.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { post, teamcropOrder } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/*
 * A shopkeeper's walk: a Teamcrop walk-in sale (`customer_id: 0`, `contact_email: ""`) went to Zithara as
 * `{"platform_customer_id":"","email":false,…}`, which Zithara requires and may refuse. An order with no customer is
 * not a CRM customer's order: it is skipped, saying so, and the destination stays healthy.
 */

const quickRetry = { maxAttempts: 2, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
const as = (type: string) => ({ 'content-type': 'application/json', 'Tc-Webhook-Event': type });

async function settled(serve: ServeProcess, id: unknown) {
  return waitUntil(
    async () => {
      const event = await serve.api('getEvent', { params: { id: String(id) } });
      return ['delivered', 'failed', 'skipped'].includes(event.status) ? event : null;
    },
    `event ${String(id)} settling`,
  );
}

describe('an order with no customer at Zithara (real serve, fake Zithara)', () => {
  it('skips a walk-in sale and its lines, saying why; sends an order whose customer has no email with email false', async () => {
    const zithara = await startFakeZithara();
    const serve = await startServe(tempDir());
    const pos = await serve.posUrl();
    const magento = await serve.api('createSource', { body: { name: 'Web shop', kind: 'magento' } });
    const destination = await serve.api('createDestination', {
      body: {
        name: 'Zithara CRM',
        kind: 'zithara',
        url: zithara.baseUrl,
        events: ['*'],
        retry: quickRetry,
        settings: { clientId: zithara.clientId, clientSecret: zithara.clientSecret, currency: 'VND' },
      },
    });

    const walkIns = [
      { customer_id: 0, invoice_id: 'SPIRAL-021226-0001-AA01' },
      { customer_id: '', invoice_id: 'SPIRAL-021226-0002-AA02' },
      { customer_id: '0', invoice_id: 'SPIRAL-021226-0003-AA03' },
      { customer_id: undefined, invoice_id: 'SPIRAL-021226-0004-AA04' },
    ];
    for (const [i, fields] of walkIns.entries()) {
      const body = { ...teamcropOrder, id: 3000001 + i, contact_email: '', ...fields };
      const event = await settled(serve, (await post(pos, JSON.stringify(body), as('order.add'))).json.id);
      expect(event.status, fields.invoice_id).toBe('skipped');
      expect(event.deliveries[0]!.attempts).toMatchObject([
        { category: 'skipped', reason: { code: 'zithara.walkIn', params: { order: fields.invoice_id } } },
      ]);
      expect(event.deliveries[0]!.attempts[0]!.error).toBe(
        `Order ${fields.invoice_id} has no customer in Teamcrop (a walk-in sale), so it is not sent: Zithara records the orders of customers.`,
      );
    }
    // A line of a walk-in sale: the order goes with its lines, so it is skipped the same way.
    const line = JSON.stringify({ id: 71, order_id: 3000001, sku: 'SKU-71', product_name: 'Áo', quantity: 1 });
    const lineEvent = await settled(serve, (await post(pos, line, as('order.additem'))).json.id);
    expect(lineEvent.status).toBe('skipped');
    expect(lineEvent.deliveries[0]!.attempts[0]!.reason).toMatchObject({ code: 'zithara.walkIn' });
    expect(zithara.accepted).toEqual([]);
    expect(zithara.refused).toEqual([]);

    // A customer without an email: docs/zithara-api.md allows `email: false`, and the order goes.
    const noEmail = { ...teamcropOrder, id: 3000010, contact_email: '', invoice_id: 'SPIRAL-021226-0010-AA10' };
    const sent = await settled(serve, (await post(pos, JSON.stringify(noEmail), as('order.add'))).json.id);
    expect(sent.status).toBe('delivered');
    expect(zithara.accepted.at(-1)!.body).toMatchObject({
      customer: { platform_customer_id: String(teamcropOrder.customer_id), email: false },
    });

    // A Magento guest checkout (Zithara's module shapes, the customer without an id) is skipped as well.
    const shaped = mapForZithara('order.add', noEmail, {
      currency: 'VND',
      phoneCountryCode: '',
      storedOrder: () => null,
      storedLines: () => [],
      onlyWalkInsBefore: () => false,
    });
    if (!('call' in shaped)) throw new Error('the order should map');
    const magentoHeaders = { 'content-type': 'application/json', 'X-Magento-Event': 'sales_order_place_after' };
    const guestBody = {
      ...shaped.call.body,
      customer: { ...(shaped.call.body.customer as object), platform_customer_id: '' },
    };
    const guest = await settled(
      serve,
      (await post(magento.ingestUrl, JSON.stringify(guestBody), magentoHeaders)).json.id,
    );
    expect(guest.status).toBe('skipped');
    expect(guest.deliveries[0]!.attempts[0]!).toMatchObject({
      reason: { code: 'zithara.guestCheckout' },
      error:
        'This order was placed without a customer account (a guest checkout), so it is not sent: Zithara records the orders of customers.',
    });
    const member = await settled(
      serve,
      (await post(magento.ingestUrl, JSON.stringify(shaped.call.body), magentoHeaders)).json.id,
    );
    expect(member.status).toBe('delivered');
    expect(zithara.accepted).toHaveLength(2);
    expect(zithara.refused).toEqual([]);

    // Skipped orders say nothing against the destination: it reads healthy, with nothing failed.
    const card = (await serve.api('getStats')).destinations.find((entry) => entry.id === destination.id)!;
    expect(card.health).toBe('healthy');
    expect((await serve.api('listEvents', { query: { status: 'failed' } })).items).toEqual([]);

    // The sentences have Vietnamese words too.
    expect(deliveryReasons.vi['zithara.walkIn']).toContain('{{order}}');
    expect(deliveryReasons.vi['zithara.guestCheckout']).toBeTruthy();
    await serve.stop();
  });

  it('creates a walk-in sale at Zithara when an update gives it a customer, and updates it from then on', async () => {
    const zithara = await startFakeZithara();
    const serve = await startServe(tempDir());
    const pos = await serve.posUrl();
    await serve.api('createDestination', {
      body: {
        name: 'Zithara CRM',
        kind: 'zithara',
        url: zithara.baseUrl,
        events: ['*'],
        retry: quickRetry,
        settings: { clientId: zithara.clientId, clientSecret: zithara.clientSecret, currency: 'VND' },
      },
    });
    const send = async (type: string, fields: Record<string, unknown>) => {
      const body = { ...teamcropOrder, ...fields };
      const event = await settled(serve, (await post(pos, JSON.stringify(body), as(type))).json.id);
      return { status: event.status, call: event.status === 'delivered' ? zithara.accepted.at(-1)! : null };
    };
    const calls = (orderId: number) =>
      zithara.accepted
        .filter((call) => JSON.stringify(call.body).includes(`"platform_order_id":"${orderId}"`))
        .map((call) => `${call.method} ${call.path}`);

    // Rung up as a walk-in sale, the customer chosen afterwards: Zithara never had the order, so it is created.
    expect(await send('order.add', { id: 3000100, customer_id: 0 })).toMatchObject({ status: 'skipped' });
    const created = await send('order.edit', { id: 3000100 });
    expect(created.call).toMatchObject({
      method: 'POST',
      path: '/order',
      body: { customer: { platform_customer_id: String(teamcropOrder.customer_id) } },
    });
    await send('order.edit', { id: 3000100, completed: 1 });
    expect(calls(3000100)).toEqual(['POST /order', 'PATCH /order']);

    // The usual way: created with its customer, then updated.
    await send('order.add', { id: 3000200 });
    await send('order.edit', { id: 3000200, completed: 1 });
    expect(calls(3000200)).toEqual(['POST /order', 'PATCH /order']);

    // An update of an order not received before is sent as one: the order may be older than Hookferry looks back.
    await send('order.edit', { id: 3000300 });
    expect(calls(3000300)).toEqual(['PATCH /order']);
    expect(zithara.refused).toEqual([]);
    await serve.stop();
  });
});
