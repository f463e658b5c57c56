import { describe, expect, it } from 'vitest';
import { SenderCatalogEntry, sourceKinds } from '../../main/api/contract.js';
import { destinationKinds } from '../../main/delivery/kinds/index.js';
import { eventTypeName, eventTypeNames, withTypeNamed } from '../../main/i18n/event-types.js';
import { allSenders, deliveryIdHeaders, senderCatalog, senderOf } from '../../main/intake/senders/index.js';

describe('sender kinds registry', () => {
  it('has one module for every kind the contract names, each saying its own kind', () => {
    expect(allSenders.map((sender) => sender.kind)).toEqual([...sourceKinds]);
    for (const kind of sourceKinds) expect(senderOf(kind).kind).toBe(kind);
  });

  it('serves a catalogue the contract accepts, without the intake-only parts', () => {
    const catalog = senderCatalog();
    expect(catalog.map((entry) => SenderCatalogEntry.strict().parse(entry))).toEqual(catalog);
    for (const entry of catalog) {
      expect(entry.guide.en.length).toBeGreaterThan(40);
      expect(entry.guide.vi.length).toBeGreaterThan(40);
      expect(entry.guide.vi).not.toBe(entry.guide.en);
      const ids = entry.groups.map((group) => group.id);
      expect(new Set(ids).size).toBe(ids.length);
      const events = entry.groups.flatMap((group) => group.events);
      expect(new Set(events).size, `${entry.kind} lists an event twice`).toBe(events.length);
    }
  });

  it('has Teamcrop’s groups as Teamcrop names them (promotions apart from orders), with every event of each, and its setup path', () => {
    const teamcrop = senderOf('teamcrop');
    expect(teamcrop.groups.map((group) => [group.label.vi, group.label.en])).toEqual([
      ['Đơn hàng', 'Orders'],
      // Teamcrop's screen lists promotions under orders; a destination for orders has no use for them.
      ['Khuyến mãi', 'Promotions'],
      ['Tồn kho', 'Stock'],
      ['Sổ quỹ', 'Cash book'],
      ['Khách hàng', 'Customers'],
      ['Sản phẩm', 'Products'],
    ]);
    expect(teamcrop.groups.flatMap((group) => group.events)).toEqual(
      'order.add order.edit order.additem order.edititem order.deleteitem promotion.add promotion.edit productreceipt.add productreceipt.edit cashflow.add cashflow.edit customer.add customer.edit supportticket.add product.add product.edit product.delete product.addsku product.editsku product.deletesku'.split(
        ' ',
      ),
    );
    expect(teamcrop.guide.en).toContain('Sales → Sales settings → Webhook → Add');
    expect(teamcrop.verification).toMatchObject({ recommended: 'header', signature: null });
    expect(senderOf('generic').guide.en).toContain('Teamcrop');
    expect(senderOf('generic').guide.vi).toContain('Teamcrop');
  });

  it('groups Magento’s events by cart, customer, order and payment', () => {
    expect(senderOf('magento').groups.map((group) => group.id)).toEqual(['cart', 'customer', 'order', 'payment']);
    expect(senderOf('magento').groups.flatMap((group) => group.events)).toContain('sales_order_place_after');
  });

  it('knows where Shopify and WooCommerce sign, and their delivery ids', () => {
    expect(senderOf('shopify').verification.signature).toEqual({ header: 'X-Shopify-Hmac-Sha256', encoding: 'base64' });
    expect(senderOf('woocommerce').verification.signature).toEqual({
      header: 'X-WC-Webhook-Signature',
      encoding: 'base64',
    });
    expect(deliveryIdHeaders).toEqual(['x-shopify-event-id', 'x-wc-webhook-delivery-id', 'webhook-id']);
  });

  it('offers every event a destination kind has a use for in some sender’s groups', () => {
    const offered = new Set(allSenders.flatMap((sender) => sender.groups.flatMap((group) => group.events)));
    const used = destinationKinds.flatMap((kind) => kind.info.events ?? []);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((event) => !offered.has(event))).toEqual([]);
  });

  it('recognises WooCommerce’s address check and nothing else as one', () => {
    const check = senderOf('woocommerce').isAddressCheck!;
    expect(check({}, Buffer.from('webhook_id=15'))).toBe(true);
    expect(check({ 'x-wc-webhook-topic': 'order.created' }, Buffer.from('webhook_id=15'))).toBe(false);
    expect(check({}, Buffer.from('{"id":15}'))).toBe(false);
    expect(allSenders.filter((sender) => sender.isAddressCheck).map((sender) => sender.kind)).toEqual(['woocommerce']);
  });
});

describe('event type names', () => {
  it('names every event of every sender checklist in English and Vietnamese, and only those', () => {
    const listed = new Set(allSenders.flatMap((sender) => sender.groups.flatMap((group) => group.events)));
    const named = Object.keys(eventTypeNames).filter((type) => !['hookferry.test', 'unknown'].includes(type));
    expect(named.sort()).toEqual([...listed].sort());
    for (const [type, { en, vi }] of Object.entries(eventTypeNames)) {
      expect(en, type).not.toBe('');
      expect(vi, type).not.toBe(en);
    }
  });

  it('shows a type no sender lists as it came, and a regional language as its language', () => {
    expect(eventTypeName('order.add', 'vi-VN')).toBe('Đơn hàng mới');
    expect(eventTypeName('order.add', 'en')).toBe('New order');
    expect(eventTypeName('invoice.printed', 'vi')).toBe('invoice.printed');
    expect(eventTypeName('constructor', 'en')).toBe('constructor');
  });

  it('names the code beside the name where a sentence is about which destinations take the type', () => {
    const notTaken = { code: 'routing.notTaken', params: { type: 'sales_order_place_after' } };
    // Before, "No destination takes New order" beside a destination that takes Teamcrop's New order.
    expect(withTypeNamed(notTaken, 'vi').params.type).toBe('Đơn hàng mới (sales_order_place_after)');
    expect(withTypeNamed({ ...notTaken, code: 'resend.nowhere' }, 'en').params.type).toBe(
      'New order (sales_order_place_after)',
    );
    expect(withTypeNamed({ ...notTaken, params: { type: 'invoice.printed' } }, 'en').params.type).toBe(
      'invoice.printed',
    );
    expect(withTypeNamed({ ...notTaken, code: 'notice.eventFailed' }, 'vi').params.type).toBe('Đơn hàng mới');
  });
});
