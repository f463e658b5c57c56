import { describe, expect, it } from 'vitest';
import { eventTypeOf, providerEventIdOf } from '../../main/intake/event-type.js';
import { summarize } from '../../main/intake/summary.js';
import { teamcropOrder, wooOrder } from '../helpers/fixtures.js';

describe('event type', () => {
  it("reads each kind's own header", () => {
    expect(eventTypeOf('teamcrop', { 'tc-webhook-event': 'order.add' }, null)).toEqual({
      type: 'order.add',
      sender: 'teamcrop',
    });
    expect(eventTypeOf('shopify', { 'x-shopify-topic': 'orders/create' }, null).type).toBe('orders/create');
    expect(eventTypeOf('woocommerce', { 'x-wc-webhook-topic': 'order.created' }, null).type).toBe('order.created');
    expect(eventTypeOf('magento', { 'x-magento-event': 'sales_order_place_after' }, null).type).toBe(
      'sales_order_place_after',
    );
  });

  it('does not take another kind’s header for a specific kind', () => {
    expect(eventTypeOf('shopify', { 'tc-webhook-event': 'order.add' }, null).type).toBe('unknown');
  });

  it('lets a generic source recognise every header, and tells which sender it was', () => {
    expect(eventTypeOf('generic', { 'tc-webhook-event': 'order.add' }, null)).toEqual({
      type: 'order.add',
      sender: 'teamcrop',
    });
    expect(eventTypeOf('generic', { 'x-event-type': 'invoice.paid' }, null)).toEqual({
      type: 'invoice.paid',
      sender: 'generic',
    });
    expect(eventTypeOf('generic', { 'x-webhook-event': 'ping' }, null).type).toBe('ping');
  });

  it('falls back to the body’s event, type or topic field, also inside an XML root, then to unknown', () => {
    expect(eventTypeOf('generic', {}, { event: 'cart.updated' }).type).toBe('cart.updated');
    expect(eventTypeOf('generic', {}, { topic: 'x.y' }).type).toBe('x.y');
    expect(eventTypeOf('generic', {}, { '?xml': {}, webhook: { type: 'order.edit' } }).type).toBe('order.edit');
    expect(eventTypeOf('generic', {}, { id: 1 }).type).toBe('unknown');
  });

  it('finds the sender’s delivery id', () => {
    expect(providerEventIdOf({ 'x-shopify-event-id': 'abc' })).toBe('x-shopify-event-id:abc');
    expect(providerEventIdOf({ 'webhook-id': 'msg_1' })).toBe('webhook-id:msg_1');
    expect(providerEventIdOf({})).toBeNull();
  });
});

describe('summary', () => {
  it('summarises the real Teamcrop order the way the product shows it', () => {
    expect(summarize('teamcrop', 'order.add', teamcropOrder)).toBe(
      'order.add · SPIRAL-170623-1017-DC92 · 936.200 ₫ · Nguyễn Thúy Linh',
    );
    // An order line names its order and what it adds, not its own line number.
    const line = { id: 88001, order_id: 2729990, product_name: 'Áo thun', sku: 'AT-01', quantity: 2, price: 509000 };
    expect(summarize('teamcrop', 'order.additem', line)).toBe('order.additem · 2729990 · 509.000 ₫ · Áo thun');
  });

  it('summarises Shopify and WooCommerce orders in their currency', () => {
    const shopify = {
      name: '#1001',
      total_price: '12.50',
      currency: 'USD',
      customer: { first_name: 'Ann', last_name: 'Lee' },
    };
    expect(summarize('shopify', 'orders/create', shopify)).toBe('orders/create · #1001 · $12.50 · Ann Lee');
    const woo = {
      id: 77,
      number: '77',
      total: '1250.00',
      currency: 'INR',
      billing: { first_name: 'Ravi', last_name: 'K' },
    };
    expect(summarize('woocommerce', 'order.created', woo)).toBe('order.created · 77 · ₹1,250.00 · Ravi K');
  });

  it('writes a Vietnamese customer’s name family name first, a foreign one’s as given', () => {
    // The fixture's form put Hoa as first name and Trần Thị as last name, as a web shop asks.
    expect(summarize('woocommerce', 'order.created', wooOrder)).toBe('order.created · 1042 · 480.000 ₫ · Trần Thị Hoa');
    // Without a country, an amount in VND says where the shop sells.
    const { billing, shipping } = wooOrder as Record<'billing' | 'shipping', Record<string, unknown>>;
    const unplaced = { ...wooOrder, billing: { ...billing, country: '' }, shipping: { ...shipping, country: '' } };
    expect(summarize('woocommerce', 'order.created', unplaced)).toBe('order.created · 1042 · 480.000 ₫ · Trần Thị Hoa');
    // A customer from elsewhere on the same shop keeps their own order.
    const abroad = { ...wooOrder, billing: { ...billing, first_name: 'Anna', last_name: 'Schmidt', country: 'DE' } };
    expect(summarize('woocommerce', 'order.created', abroad)).toBe('order.created · 1042 · 480.000 ₫ · Anna Schmidt');
    expect(
      summarize('woocommerce', 'customer.created', { id: 57, first_name: 'Hoa', last_name: 'Trần Thị', billing }),
    ).toBe('customer.created · Trần Thị Hoa');
    expect(
      summarize('shopify', 'orders/create', {
        name: '#1002',
        total_price: '250000',
        currency: 'VND',
        customer: { first_name: 'Linh', last_name: 'Nguyễn Thúy' },
      }),
    ).toBe('orders/create · #1002 · 250.000 ₫ · Nguyễn Thúy Linh');
    // Magento too (before, "Lan Phạm"): by the billing country, else by a VND order.
    const magento = {
      increment_id: '000000042',
      grand_total: 250000,
      customer_firstname: 'Lan',
      customer_lastname: 'Phạm',
    };
    expect(summarize('magento', 'sales_order_place_after', { ...magento, order_currency_code: 'VND' })).toBe(
      'sales_order_place_after · 000000042 · 250.000 ₫ · Phạm Lan',
    );
    expect(
      summarize('magento', 'sales_order_place_after', {
        order: { ...magento, order_currency_code: 'USD', billing_address: { country_id: 'VN' } },
      }),
    ).toBe('sales_order_place_after · 000000042 · $250,000.00 · Phạm Lan');
    expect(
      summarize('magento', 'sales_order_place_after', {
        ...magento,
        customer_firstname: 'Anna',
        customer_lastname: 'Schmidt',
        order_currency_code: 'VND',
        billing_address: { country_id: 'DE' },
      }),
    ).toBe('sales_order_place_after · 000000042 · 250.000 ₫ · Anna Schmidt');
  });

  it('falls back to the event type alone when nothing is recognisable', () => {
    expect(summarize('generic', 'unknown', null)).toBe('unknown');
    // A free order still says its amount.
    expect(summarize('teamcrop', 'order.add', { invoice_id: 'HD-ZERO', price_final: 0 })).toBe(
      'order.add · HD-ZERO · 0 ₫',
    );
    expect(summarize('generic', 'thing.done', { id: 5 })).toBe('thing.done · 5');
  });
});
