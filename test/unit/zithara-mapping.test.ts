import { XMLBuilder } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { type MappingContext, mapForZithara } from '../../main/delivery/kinds/zithara/mapping.js';
import { parseBody } from '../../main/intake/parse-body.js';
import { zitharaShapes } from '../helpers/fake-zithara.js';
import { teamcropOrder } from '../helpers/fixtures.js';

function context(overrides: Partial<MappingContext> = {}): MappingContext {
  return {
    currency: 'VND',
    phoneCountryCode: '',
    storedOrder: () => null,
    storedLines: () => [],
    onlyWalkInsBefore: () => false,
    ...overrides,
  };
}

const line = (id: number, quantity: number, price: number) => ({
  id,
  order_id: teamcropOrder.id,
  product_id: 500 + id,
  sku: `SKU-${id}`,
  product_name: `Áo ${id}`,
  quantity,
  price,
});

describe('Zithara mappings', () => {
  it('turns the shared Teamcrop order.add fixture into the POST /order body docs/zithara-api.md describes', () => {
    const mapped = mapForZithara('order.add', teamcropOrder, context());
    expect(mapped).toEqual({
      call: {
        method: 'POST',
        path: '/order',
        body: {
          customer: {
            platform_customer_id: '1117715',
            first_name: 'Thúy Linh',
            last_name: 'Nguyễn',
            name: 'Nguyễn Thúy Linh',
            phone_number: '0938474843',
            whatsapp_phone_number: '0938474843',
            email: 'nguyenthuylinh@gmail.com',
            custom_attributes: {},
          },
          order_line_item: [],
          order: {
            status: 'pending',
            current_subtotal_price: 1018000,
            billing_address: {
              address1: '23/44 Nguyễn KIm, P3',
              city: '',
              province: '',
              zip: '',
              country: '',
              phone: '0938474843',
            },
            payment_status: '',
            currency: 'VND',
            platform_order_id: '2729898',
            name: 'SPIRAL-170623-1017-DC92',
            current_total_tax: 0,
            created_at: '2017-06-23 03:17:40',
            custom_attributes: { pos_reference: 'SPIRAL-170623-1017-DC92' },
            note: false,
            fulfillment_status: '',
            current_total_discounts: 101800,
            current_total_price: 936200,
            shipping_address: {
              address1: '23/44 Nguyễn KIm, P3',
              city: '',
              province: '',
              zip: '',
              country: '',
              phone: '0938474843',
            },
          },
          transactions: [],
        },
      },
    });
    if (!('call' in mapped)) throw new Error('not mapped');
    expect(zitharaShapes['POST /order'].safeParse(mapped.call.body).success).toBe(true);
  });

  it('reads a Teamcrop order posted as XML inside its root element, its lines from <items><item>, as it reads JSON', () => {
    const lines = [line(1, 2, 120000), line(2, 1, 80000)];
    const xml = Buffer.from(
      new XMLBuilder({}).build({ '?xml': '', order: { ...teamcropOrder, items: { item: lines } } }),
    );
    const parsed = parseBody(xml, 'application/xml');
    if (!parsed.ok) throw new Error('the XML order did not parse');
    const fromXml = mapForZithara('order.add', parsed.parsed, context());
    expect(fromXml).toEqual(mapForZithara('order.add', { ...teamcropOrder, items: lines }, context()));
    expect(fromXml).toMatchObject({ call: { body: { order: { platform_order_id: '2729898' } } } });
    expect(zitharaShapes['POST /order'].safeParse((fromXml as { call: { body: unknown } }).call.body).success).toBe(
      true,
    );
    // A JSON order wrapped the same way ({"order": {…}}) is read alike, and one line alone is a list of one.
    const one = mapForZithara(
      'customer.add',
      { customer: { id: 7, full_name: 'Lê Văn An', email: 'an@example.vn' } },
      context(),
    );
    expect(one).toMatchObject({ call: { path: '/customer', body: { platform_customer_id: '7' } } });
    const single = mapForZithara('order.add', { order: { ...teamcropOrder, items: { item: lines[0] } } }, context());
    expect(single).toMatchObject({ call: { body: { order_line_item: [{ platform_line_item_id: '1' }] } } });
  });

  it('puts the country code in place of the leading 0 only when one is set, and records what was paid', () => {
    const paid = { ...teamcropOrder, price_debt: 0, completed: 1 };
    const mapped = mapForZithara('order.add', paid, context({ phoneCountryCode: '84', currency: 'USD' }));
    if (!('call' in mapped)) throw new Error('not mapped');
    const body = mapped.call.body as {
      customer: { phone_number: string };
      order: Record<string, unknown>;
      transactions: Record<string, unknown>[];
    };
    expect(body.customer.phone_number).toBe('84938474843');
    expect(body.order).toMatchObject({ status: 'completed', payment_status: 'paid', currency: 'USD' });
    expect(body.transactions).toEqual([
      expect.objectContaining({
        transaction_final_amount: 936200,
        transaction_original_amount: 936200,
        financial_status: 'paid',
        platform_transaction_id: '2729898-payment',
      }),
    ]);
  });

  it('sends order.edit as PATCH with the order object alone', () => {
    const mapped = mapForZithara('order.edit', { ...teamcropOrder, cancel_reason: 2 }, context());
    if (!('call' in mapped)) throw new Error('not mapped');
    expect(mapped.call).toMatchObject({
      method: 'PATCH',
      path: '/order',
      body: { platform_order_id: '2729898', status: 'cancelled' },
    });
    expect(zitharaShapes['PATCH /order'].safeParse(mapped.call.body).success).toBe(true);
  });

  it('sends order.edit whole as POST when the order came before only as a walk-in sale, never sent', () => {
    const mapped = mapForZithara('order.edit', teamcropOrder, context({ onlyWalkInsBefore: () => true }));
    if (!('call' in mapped)) throw new Error('not mapped');
    expect(mapped.call.method).toBe('POST');
    expect(zitharaShapes['POST /order'].safeParse(mapped.call.body).success).toBe(true);
  });

  it('takes lines from an items array, leaving out lines without an id as Zithara does', () => {
    const mapped = mapForZithara(
      'order.add',
      { ...teamcropOrder, items: [line(1, 2, 509000), { product_name: 'no id', quantity: 1 }] },
      context(),
    );
    if (!('call' in mapped)) throw new Error('not mapped');
    expect((mapped.call.body as { order_line_item: unknown[] }).order_line_item).toEqual([
      {
        status: '',
        platform_line_item_id: '1',
        price: 509000,
        taxable: false,
        discount_amount: 0,
        sku: 'SKU-1',
        product_id: '501',
        gift_card: false,
        custom_attributes: {},
        product_name: 'Áo 1',
        quantity: 2,
      },
    ]);
  });

  it('answers an order line with the stored order and every line known so far, or skips it when the order never came', () => {
    const lines = [line(1, 2, 509000), line(2, 1, 100000)];
    const withOrder = context({
      storedOrder: (id) => (id === '2729898' ? teamcropOrder : null),
      storedLines: () => lines,
    });
    const mapped = mapForZithara('order.additem', lines[1], withOrder);
    if (!('call' in mapped)) throw new Error('not mapped');
    expect(mapped.call.method).toBe('POST');
    expect(
      (mapped.call.body as { order_line_item: { platform_line_item_id: string }[] }).order_line_item.map(
        (item) => item.platform_line_item_id,
      ),
    ).toEqual(['1', '2']);

    expect(mapForZithara('order.edititem', lines[0], context())).toEqual({
      skip: expect.objectContaining({
        text: 'The order 2729898 this line belongs to was never received, so there is no order to send it with.',
      }),
    });
    expect(mapForZithara('order.additem', { id: 9 }, context())).toEqual({
      invalid: expect.objectContaining({
        text: 'The order line has no order_id, so Hookferry cannot tell which order it belongs to.',
      }),
    });
  });

  it('sends the line being mapped with the order even when the stored lines read do not hold it, and a newer stored version over it', () => {
    const withOrder = (lines: Record<string, unknown>[]) =>
      context({ storedOrder: () => teamcropOrder, storedLines: () => lines });
    const sentLines = (mapped: ReturnType<typeof mapForZithara>) =>
      'call' in mapped
        ? (
            mapped.call.body as { order_line_item: { platform_line_item_id: string; quantity: number }[] }
          ).order_line_item.map((item) => `${item.platform_line_item_id}×${item.quantity}`)
        : mapped;
    expect(sentLines(mapForZithara('order.edititem', line(3, 1, 9), withOrder([line(1, 2, 9)])))).toEqual([
      '1×2',
      '3×1',
    ]);
    expect(sentLines(mapForZithara('order.edititem', line(1, 1, 9), withOrder([line(1, 5, 9)])))).toEqual(['1×5']);
  });

  it('maps customers and refuses one without an email, naming the field', () => {
    const mapped = mapForZithara(
      'customer.add',
      { id: 77, full_name: 'Trần Văn An', phone: '0901 234 567', email: 'an@example.vn' },
      context({ phoneCountryCode: '84' }),
    );
    if (!('call' in mapped)) throw new Error('not mapped');
    expect(mapped.call).toMatchObject({
      method: 'POST',
      path: '/customer',
      body: {
        platform_customer_id: '77',
        first_name: 'Văn An',
        last_name: 'Trần',
        phone_number: '84901234567',
        email: 'an@example.vn',
      },
    });
    expect(zitharaShapes['POST /customer'].safeParse(mapped.call.body).success).toBe(true);
    expect(mapForZithara('customer.edit', { id: 78, full_name: 'Lê Bình' }, context())).toEqual({
      invalid: expect.objectContaining({
        text: 'Zithara needs an email for every customer, and customer 78 has none. Add one in Teamcrop; the next edit will be sent.',
      }),
    });
  });

  it('passes Magento bodies in Zithara shapes on, checking what the CRM requires', () => {
    const cart = {
      customer: { email: 'a@b.c' },
      cart_item: [],
      cart: { currency: 'VND', platform_cart_id: '5', name: '5', created_at: '', total_tax: 0, total_price: 0 },
    };
    expect(mapForZithara('checkout_cart_save_after', cart, context())).toEqual({
      call: { method: 'POST', path: '/cart', body: cart },
    });
    expect(mapForZithara('customer_save_after', { platform_customer_id: '9' }, context())).toEqual({
      invalid: expect.objectContaining({ text: 'The body lacks email, which Zithara requires for customer.' }),
    });
  });

  it('skips events Zithara has no use for, and refuses bodies that are not JSON objects', () => {
    expect(mapForZithara('stock.update', {}, context())).toEqual({
      skip: {
        text: 'Zithara has no use for stock.update events (Hookferry maps orders, customers and carts).',
        reason: { code: 'zithara.noUse', params: { type: 'stock.update' } },
      },
    });
    expect(mapForZithara('order.add', '<xml/>', context())).toEqual({
      invalid: expect.objectContaining({
        text: "The order.add body is not a JSON object, so it cannot be turned into Zithara's format.",
      }),
    });
  });
});
