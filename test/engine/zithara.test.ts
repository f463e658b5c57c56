import { XMLBuilder } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { mapForZithara } from '../../main/delivery/kinds/zithara/mapping.js';
import { answersUntil, nestedGroups } from '../helpers/answers.js';
import { type FakeZithara, startFakeZithara } from '../helpers/fake-zithara.js';
import { filesContaining } from '../helpers/files.js';
import { post, teamcropOrder, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const quickRetry = { maxAttempts: 4, initialDelayMs: 200, multiplier: 2, maxDelayMs: 5000 };
const as = (type: string) => ({ 'content-type': 'application/json', 'Tc-Webhook-Event': type });

async function setup(zithara: FakeZithara, dataDir = tempDir()) {
  const serve = await startServe(dataDir);
  const destination = await serve.api('createDestination', {
    body: {
      name: 'Zithara CRM',
      kind: 'zithara',
      url: zithara.baseUrl,
      events: ['*'],
      retry: quickRetry,
      settings: {
        clientId: zithara.clientId,
        clientSecret: zithara.clientSecret,
        phoneCountryCode: '84',
        currency: 'VND',
      },
    },
  });
  return { serve, destination, pos: await serve.posUrl(), dataDir };
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

describe('the Zithara destination (real serve, fake Zithara on 127.0.0.1)', () => {
  it('is offered in the destination catalogue with its secret, its defaults and the events it maps, and refuses settings it does not know', async () => {
    const zithara = await startFakeZithara();
    const { serve } = await setup(zithara);
    const catalog = await serve.api('listDestinationKinds');
    expect(catalog.map((entry) => entry.kind)).toEqual(['webhook', 'zithara']);
    expect(catalog[0]).toMatchObject({ secretFields: ['signingSecret'], events: null, defaults: { url: null } });
    expect(catalog[1]).toMatchObject({
      label: { en: 'Zithara CRM' },
      secretFields: ['clientSecret'],
      // Zithara publishes only its development server's address: none is filled in, the field says where to get one.
      defaults: { url: null, settings: { currency: 'VND' } },
      urlHelp: { en: expect.stringContaining('https://dev-pos-api.zithara.com/v1, is its test server') },
    });
    expect(catalog[1]!.events).toEqual(
      expect.arrayContaining(['order.add', 'customer.edit', 'checkout_cart_save_after']),
    );
    expect(catalog[1]!.events).not.toContain('stock.update');
    await expect(
      serve.api('createDestination', {
        body: { name: 'No secret', kind: 'zithara', url: zithara.baseUrl, settings: { clientId: 'x' } },
      }),
    ).rejects.toThrow('Enter the Zithara client secret.');
    await expect(
      serve.api('createDestination', {
        body: { name: 'Typo', kind: 'zithara', url: zithara.baseUrl, settings: { clientid: 'x', clientSecret: 'y' } },
      }),
    ).rejects.toThrow(/settings/);
    await expect(
      serve.api('createDestination', { body: { name: 'Unknown', kind: 'carrier-pigeon', url: zithara.baseUrl } }),
    ).rejects.toThrow('Hookferry has no destination kind called “carrier-pigeon”.');
    await serve.stop();
  });

  it('sends the Teamcrop order in Zithara’s shape with one shared token, skips what it cannot use, and fails a customer without email at once', async () => {
    const zithara = await startFakeZithara();
    const { serve, pos, destination, dataDir } = await setup(zithara);

    const orders = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((n) => post(pos, JSON.stringify({ ...teamcropOrder, id: 2729898 + n }), as('order.add'))),
    );
    const customer = await post(
      pos,
      JSON.stringify({ id: 77, full_name: 'Trần Văn An', phone: '0901234567', email: 'an@example.vn' }),
      as('customer.add'),
    );
    const noEmail = await post(pos, JSON.stringify({ id: 78, full_name: 'Lê Bình' }), as('customer.edit'));
    const stock = await post(pos, JSON.stringify({ id: 5, quantity: 3 }), as('stock.update'));

    // Teamcrop posts XML too: the order is read inside its root element.
    const xml = await post(pos, new XMLBuilder({}).build({ order: { ...teamcropOrder, id: 2729990 } }), {
      'content-type': 'application/xml',
      'Tc-Webhook-Event': 'order.add',
    });

    for (const { json } of [...orders, xml])
      expect((await settled(serve, json.id)).deliveries[0]!.status).toBe('delivered');
    expect(
      zithara.accepted.filter(
        (call) => (call.body as { order?: { platform_order_id: string } }).order?.platform_order_id === '2729990',
      ),
    ).toHaveLength(1);
    expect(zithara.refused).toEqual([]);
    expect(zithara.tokenFetches).toHaveLength(1);
    expect(zithara.tokenFetches[0]!.method).toBe('GET');
    const firstOrder = zithara.accepted.find(
      (call) => (call.body as { order: { platform_order_id: string } }).order?.platform_order_id === '2729898',
    );
    expect(firstOrder).toMatchObject({ method: 'POST', path: '/order', event: 'order.add' });
    const expected = mapForZithara('order.add', teamcropOrder, {
      currency: 'VND',
      phoneCountryCode: '84',
      storedOrder: () => null,
      storedLines: () => [],
      onlyWalkInsBefore: () => false,
    });
    expect(firstOrder!.body).toEqual('call' in expected ? expected.call.body : null);
    expect((firstOrder!.body as { customer: { phone_number: string } }).customer.phone_number).toBe('84938474843');

    const customerEvent = await settled(serve, customer.json.id);
    expect(customerEvent.deliveries[0]).toMatchObject({ status: 'delivered', attemptCount: 1 });
    expect(zithara.accepted.find((call) => call.path === '/customer')!.body).toMatchObject({
      platform_customer_id: '77',
      email: 'an@example.vn',
      phone_number: '84901234567',
    });

    const refusedCustomer = await settled(serve, noEmail.json.id);
    expect(refusedCustomer.status).toBe('failed');
    expect(refusedCustomer.deliveries[0]!.attempts).toHaveLength(1);
    expect(refusedCustomer.deliveries[0]!.attempts[0]).toMatchObject({
      category: 'invalid',
      error:
        'Zithara needs an email for every customer, and customer 78 has none. Add one in Teamcrop; the next edit will be sent.',
    });

    const skipped = await settled(serve, stock.json.id);
    expect(skipped.status).toBe('skipped');
    expect(skipped.deliveries[0]).toMatchObject({ status: 'skipped' });
    expect(skipped.deliveries[0]!.attempts[0]).toMatchObject({
      category: 'skipped',
      error: expect.stringContaining('Zithara has no use for stock.update events'),
    });

    const [figures] = (await serve.api('getStats')).destinations.filter((d) => d.id === destination.id);
    expect(figures!.health).toBe('healthy');
    expect(zithara.accepted).toHaveLength(8);
    expect(new Set(zithara.accepted.map((call) => call.token)).size).toBe(1);

    const listed = JSON.stringify(await serve.api('listDestinations'));
    expect(listed).toContain('"secretsSet":{"clientSecret":true}');
    await serve.stop();
    for (const secret of [zithara.clientSecret, ...zithara.issued]) {
      expect(listed).not.toContain(secret);
      expect(serve.output()).not.toContain(secret);
      expect(filesContaining(dataDir, secret), `${secret.slice(0, 12)}… in data files`).toEqual([]);
    }
  });

  it('fetches a new token on 401 and repeats the call once, refreshes a token before it expires, and retries a 500 showing Zithara’s error', async () => {
    const zithara = await startFakeZithara();
    zithara.tokenTtlS = 61; // refreshed a minute early, so it is good for one second here
    zithara.answerWithBodyStatus = false;
    const { serve, pos } = await setup(zithara);

    zithara.unauthorizeNext = 1;
    const first = await post(pos, teamcropOrderRaw, as('order.add'));
    const delivered = await settled(serve, first.json.id);
    expect(delivered.deliveries[0]!.attempts.map((a) => [a.category, a.httpStatus])).toEqual([['delivered', 201]]);
    expect(zithara.tokenFetches).toHaveLength(2);
    expect(zithara.refused.map((r) => r.reason)).toEqual(['forced 401']);

    await new Promise((resolve) => setTimeout(resolve, 1_200));
    zithara.failNext = 1;
    const second = await post(pos, JSON.stringify({ ...teamcropOrder, id: 1 }), as('order.edit'));
    const retried = await settled(serve, second.json.id);
    expect(retried.deliveries[0]!.attempts.map((a) => [a.category, a.httpStatus])).toEqual([
      ['http', 500],
      ['delivered', 201],
    ]);
    expect(retried.deliveries[0]!.attempts[0]!.error).toBe(
      'Zithara answered 500: database is busy. The problem is on Zithara’s side, not in your data: if it goes on, tell Zithara.',
    );
    expect(zithara.tokenFetches).toHaveLength(3);
    expect(zithara.accepted.map((call) => [call.method, call.token])).toEqual([
      ['POST', zithara.issued[1]],
      ['PATCH', zithara.issued[2]],
    ]);
    expect(zithara.refused).toHaveLength(1);
    await serve.stop();
  });

  it('sends an order again with its lines as order.additem events arrive, and skips a line whose order never came', async () => {
    const zithara = await startFakeZithara();
    const { serve, pos } = await setup(zithara);
    const order = await post(pos, teamcropOrderRaw, as('order.add'));
    await settled(serve, order.json.id);
    const line = (id: number, quantity: number) =>
      JSON.stringify({
        id,
        order_id: teamcropOrder.id,
        product_id: 900 + id,
        sku: `SKU-${id}`,
        product_name: `Áo ${id}`,
        quantity,
        price: 509000,
      });
    await settled(serve, (await post(pos, line(1, 1), as('order.additem'))).json.id);
    await settled(serve, (await post(pos, line(2, 1), as('order.additem'))).json.id);
    await settled(serve, (await post(pos, line(1, 2), as('order.edititem'))).json.id);
    const lines = zithara.accepted.map((call) =>
      (call.body as { order_line_item: { platform_line_item_id: string; quantity: number }[] }).order_line_item.map(
        (l) => `${l.platform_line_item_id}×${l.quantity}`,
      ),
    );
    expect(lines).toEqual([[], ['1×1'], ['1×1', '2×1'], ['1×2', '2×1']]);

    const orphan = await settled(
      serve,
      (await post(pos, JSON.stringify({ id: 3, order_id: 424242, quantity: 1 }), as('order.additem'))).json.id,
    );
    expect(orphan.deliveries[0]).toMatchObject({ status: 'skipped' });
    expect(orphan.deliveries[0]!.attempts[0]!.error).toBe(
      'The order 424242 this line belongs to was never received, so there is no order to send it with.',
    );
    await serve.stop();
  });

  it('finds an XML order for its XML lines, inside their root elements, as it does JSON ones', async () => {
    const zithara = await startFakeZithara();
    const { serve, pos } = await setup(zithara);
    const asXml = (type: string) => ({ 'content-type': 'application/xml', 'Tc-Webhook-Event': type });
    const xml = new XMLBuilder({});
    const orderId = 2729991;
    await settled(
      serve,
      (await post(pos, xml.build({ order: { ...teamcropOrder, id: orderId } }), asXml('order.add'))).json.id,
    );
    const line = (id: number, quantity: number) =>
      xml.build({
        orderitem: { id, order_id: orderId, sku: `SKU-${id}`, product_name: `Áo ${id}`, quantity, price: 509000 },
      });
    const first = await settled(serve, (await post(pos, line(1, 1), asXml('order.additem'))).json.id);
    expect(first.deliveries[0]).toMatchObject({ status: 'delivered' });
    await settled(serve, (await post(pos, line(2, 3), asXml('order.additem'))).json.id);
    // A line posted as JSON finds the XML order too.
    const jsonLine = JSON.stringify({ id: 3, order_id: orderId, sku: 'SKU-3', product_name: 'Áo 3', quantity: 1 });
    await settled(serve, (await post(pos, jsonLine, as('order.additem'))).json.id);
    const sent = zithara.accepted.map((call) => {
      const body = call.body as {
        order: { platform_order_id: string };
        order_line_item: { platform_line_item_id: string; quantity: number }[];
      };
      return `${body.order.platform_order_id}: ${body.order_line_item.map((l) => `${l.platform_line_item_id}×${l.quantity}`).join(' ')}`;
    });
    expect(sent).toEqual([`${orderId}: `, `${orderId}: 1×1`, `${orderId}: 1×1 2×3`, `${orderId}: 1×1 2×3 3×1`]);
    await serve.stop();
  });

  it('maps a large order, and a line whose stored order is large, off the engine, which answers meanwhile', async () => {
    const zithara = await startFakeZithara();
    const { serve, pos } = await setup(zithara);
    // 2.6 MB of nested arrays in a field the mapping never reads: before, the engine parsed them at each try.
    const junk = nestedGroups(6_500, 198);
    const large = `${JSON.stringify({ ...teamcropOrder, id: 'BIG-1' }).slice(0, -1)},"junk":[${junk}]}`;
    expect((await post(pos, large, as('order.add'))).status).toBe(200);
    const sent = (count: number) => waitUntil(() => zithara.accepted.length >= count, `call ${count} sent`, 60_000);
    const whileOrder = await answersUntil(serve, sent(1));
    const line = JSON.stringify({
      id: 1,
      order_id: 'BIG-1',
      sku: 'SKU-1',
      product_name: 'Áo 1',
      quantity: 2,
      price: 9,
    });
    expect((await post(pos, line, as('order.additem'))).status).toBe(200);
    const whileLine = await answersUntil(serve, sent(2));
    // Before, the engine answered next to nothing until each call was sent.
    expect(whileOrder).toBeGreaterThan(20);
    expect(whileLine).toBeGreaterThan(20);

    // What the mapping made of them, as on the engine.
    const order = JSON.parse(large) as Record<string, unknown>;
    const expected = (type: string, body: unknown, lines: unknown[]) => {
      const mapped = mapForZithara(type, body, {
        currency: 'VND',
        phoneCountryCode: '84',
        storedOrder: () => order,
        storedLines: () => lines as Record<string, unknown>[],
        onlyWalkInsBefore: () => false,
      });
      return 'call' in mapped ? mapped.call.body : mapped;
    };
    expect(zithara.refused).toEqual([]);
    expect(zithara.accepted[0]!.body).toEqual(expected('order.add', order, []));
    expect(zithara.accepted[1]!.body).toEqual(expected('order.additem', JSON.parse(line), [JSON.parse(line)]));
    expect((zithara.accepted[1]!.body as { order_line_item: unknown[] }).order_line_item).toHaveLength(1);
    await serve.stop();
  }, 120_000);

  it('tests the credentials, previews the mapping of a stored event, and says plainly when the secret is wrong', async () => {
    const zithara = await startFakeZithara();
    const { serve, pos, destination } = await setup(zithara);
    expect(await serve.api('testDestination', { params: { id: destination.id } })).toMatchObject({
      ok: true,
      httpStatus: 200,
      error: null,
    });

    await serve.api('updateDestination', { params: { id: destination.id }, body: { paused: true } });
    const order = await post(pos, teamcropOrderRaw, as('order.add'));
    const preview = await serve.api('previewDestination', {
      params: { id: destination.id },
      body: { eventId: String(order.json.id) },
    });
    expect(preview, JSON.stringify(preview)).toMatchObject({
      ok: true,
      eventId: order.json.id,
      output: { method: 'POST', path: '/order', body: { order: { platform_order_id: '2729898' } } },
    });
    expect(zithara.accepted).toEqual([]);
    const pasted = await serve.api('previewDestination', {
      params: { id: destination.id },
      body: { type: 'customer.add', body: { id: 5, full_name: 'Lê Bình' } },
    });
    expect(pasted).toEqual({
      ok: false,
      position: null,
      eventId: null,
      error:
        'Zithara needs an email for every customer, and customer 5 has none. Add one in Teamcrop; the next edit will be sent.',
      reason: { code: 'zithara.noEmail', params: { id: '5' } },
    });

    await serve.api('updateDestination', {
      params: { id: destination.id },
      body: {
        settings: { clientSecret: 'not-the-secret', phoneCountryCode: '' },
      },
    });
    const refused = await serve.api('testDestination', { params: { id: destination.id } });
    expect(refused).toMatchObject({
      ok: false,
      httpStatus: 401,
      reason: { code: 'zithara.refused', params: { status: 401 } },
    });
    // What the stored test says it did holds whatever came of it: it does not claim the credentials proved right.
    const [newest] = (await serve.api('listEvents', { query: { type: 'hookferry.test' } })).items;
    const stored = await serve.api('getEvent', { params: { id: newest!.id } });
    expect((stored.parsed as { message: string }).message).toBe(
      'Hookferry tests this destination by asking Zithara CRM for an access token with its credentials: Zithara CRM gives one only when they are right. Nothing is sent to Zithara CRM.',
    );
    await serve.stop();
  });

  it('fails an order at once when Zithara refuses the client id and secret, instead of ~20 h of tries, and delivers it on resend once they are right', async () => {
    const zithara = await startFakeZithara();
    const { serve, pos, destination } = await setup(zithara);
    await serve.api('updateDestination', {
      params: { id: destination.id },
      body: { settings: { clientSecret: 'not-the-secret' } },
    });
    const order = await post(pos, teamcropOrderRaw, as('order.add'));
    const refused = await settled(serve, order.json.id);
    expect(refused.status).toBe('failed');
    expect(refused.deliveries[0]!.attempts).toMatchObject([
      { category: 'http', httpStatus: 401, reason: { code: 'zithara.refused', params: { status: 401 } } },
    ]);
    expect(refused.deliveries[0]!.attempts[0]!.error).toBe(
      "Zithara refused the client id and secret (401), so Hookferry does not try again: it would be refused the same way. Check them in this destination's settings (Edit on its card under Destinations), then resend what waits in Failed.",
    );
    // A wrong key says something about the destination: its card reads failing, not healthy.
    const card = async () => (await serve.api('getStats')).destinations.find((entry) => entry.id === destination.id)!;
    expect((await card()).health).toBe('failing');

    await serve.api('updateDestination', {
      params: { id: destination.id },
      body: { settings: { clientSecret: zithara.clientSecret } },
    });
    expect(await serve.api('resendFailed', { params: { id: destination.id } })).toMatchObject({ queued: 1 });
    await waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id: String(order.json.id) } });
      return event.status === 'delivered' ? event : null;
    }, 'the order delivered once the secret is right');
    expect(zithara.accepted).toHaveLength(1);

    // A call refused again with a new token (the key does not allow it) fails at once too.
    zithara.unauthorizeNext = 2;
    const edit = await post(pos, JSON.stringify({ ...teamcropOrder, id: 2 }), as('order.add'));
    const stillRefused = await settled(serve, edit.json.id);
    expect(stillRefused.status).toBe('failed');
    expect(stillRefused.deliveries[0]!.attempts).toMatchObject([
      { category: 'http', httpStatus: 401, reason: { code: 'zithara.accessRefused', params: { status: 401 } } },
    ]);
    await serve.stop();
  });
});
