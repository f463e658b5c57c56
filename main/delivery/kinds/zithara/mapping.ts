import { isRecord, listOf, textOf as text, topLevelRecords } from '../../../lib/values.js';
import { type Said, said } from '../../said.js';

/** One call to Zithara's API (docs/zithara-api.md). */
export interface ZitharaCall {
  method: 'POST' | 'PATCH';
  path: '/order' | '/customer' | '/cart';
  body: Record<string, unknown>;
}

export type Mapped = { call: ZitharaCall } | { skip: Said } | { invalid: Said };

export interface MappingContext {
  currency: string;
  phoneCountryCode: string;
  /** A Teamcrop order as last received (order.add or order.edit), by order id. */
  storedOrder(orderId: string): Record<string, unknown> | null;
  /** The order's lines received so far as order.additem / order.edititem events, newest last. */
  storedLines(orderId: string): Record<string, unknown>[];
  /**
   * Whether the order came before the event being sent, and only ever as a walk-in sale (no customer): skipped each
   * time, so Zithara never got it.
   */
  onlyWalkInsBefore(orderId: string): boolean;
}

type Body = Record<string, unknown>;
type Mapper = (body: Body, context: MappingContext) => Mapped;

/**
 * Teamcrop posts JSON or XML. An XML body is its root element (`<order><id>…</id></order>`), and a JSON one may be
 * wrapped the same way: the order is read inside it, as the live log's summary reads it.
 */
function teamcrop(map: Mapper): Mapper {
  return (body, context) => map(topLevelRecords(body).at(-1)!, context);
}

/**
 * Which event goes where, in one table. Teamcrop's event names (`order.add`) and
 * Magento's (`sales_order_place_after`) do not overlap, so the event type alone
 * decides. Anything not here is skipped, with the reason shown.
 */
export const zitharaMappings: Record<string, Mapper> = {
  // Teamcrop POS: its own bodies, turned into Zithara's.
  'order.add': teamcrop((body, context) => order('POST', body, context)),
  'order.edit': teamcrop((body, context) => order('PATCH', body, context)),
  'order.additem': teamcrop(orderFromLine),
  'order.edititem': teamcrop(orderFromLine),
  'customer.add': teamcrop(customer),
  'customer.edit': teamcrop(customer),
  // Magento with Zithara's module: bodies already in Zithara's shapes, checked and passed on.
  sales_order_place_after: magentoOrder,
  sales_order_save_after: magentoOrder,
  sales_order_payment_capture: magentoOrder,
  customer_save_after: (body) => passOn('/customer', body, ['platform_customer_id', 'email']),
  customer_register_success: (body) => passOn('/customer', body, ['platform_customer_id', 'email']),
  checkout_cart_save_after: (body) => passOn('/cart', body, ['cart', 'cart_item']),
  checkout_cart_product_add_after: (body) => passOn('/cart', body, ['cart', 'cart_item']),
};

/** A mapping as sent: the call's body written as JSON. */
/** `busy`: not mapped in time on a busy PC (or its process stopped); tried again later. */
export type MappedText =
  { call: Omit<ZitharaCall, 'body'> & { body: string } } | { skip: Said } | { invalid: Said } | { busy: Said };

/** Whether Zithara takes events of this type at all: asked first, so a body it has no use for is never parsed. */
export function mapsType(type: string): boolean {
  return Object.hasOwn(zitharaMappings, type);
}

/** The call's body written as JSON (a body nested too deep to write throws RangeError). */
export function written(mapped: Mapped): MappedText {
  return 'call' in mapped ? { call: { ...mapped.call, body: JSON.stringify(mapped.call.body) } } : mapped;
}

export function mapForZithara(type: string, parsed: unknown, context: MappingContext): Mapped {
  const mapper = mapsType(type) ? zitharaMappings[type] : undefined;
  if (!mapper) return { skip: said('zithara.noUse', { type }) };
  if (!isRecord(parsed)) return { invalid: said('zithara.notObject', { type }) };
  return mapper(parsed, context);
}

/**
 * Teamcrop order → Zithara order. PATCH sends the `order` object alone, as docs/zithara-api.md says. A walk-in sale
 * given its customer later was never sent: its update creates it. An order not received before is updated as ever:
 * it may be older than what is looked back over (ORDER_LOOKBACK_MS), which Zithara has.
 */
function order(method: 'POST' | 'PATCH', body: Body, context: MappingContext): Mapped {
  const id = text(body.id);
  if (!id) return { invalid: said('zithara.noOrderId') };
  // Teamcrop writes customer_id 0 for a sale with no customer chosen: not a customer Zithara could record it under.
  if (!text(body.customer_id)) return { skip: said('zithara.walkIn', { order: text(body.invoice_id) ?? id }) };
  const orderObject = orderFields(body, context);
  if (method === 'PATCH' && !context.onlyWalkInsBefore(id))
    return { call: { method, path: '/order', body: orderObject } };
  const lines = listOf(body.items) ?? listOf(body.products) ?? context.storedLines(id);
  return {
    call: {
      method: 'POST',
      path: '/order',
      body: {
        customer: orderCustomer(body, context),
        order_line_item: lineItems(lines),
        order: orderObject,
        transactions: transactions(body),
      },
    },
  };
}

/** A line arrived: the whole order goes again with every line known so far (Zithara takes lines only inside an order). */
function orderFromLine(line: Body, context: MappingContext): Mapped {
  const orderId = text(line.order_id);
  if (!orderId) return { invalid: said('zithara.lineWithoutOrder') };
  const stored = context.storedOrder(orderId);
  if (!stored) return { skip: said('zithara.orderNeverReceived', { orderId }) };
  return order('POST', { ...stored, items: withLine(context.storedLines(orderId), line) }, context);
}

/**
 * The line being sent is among the order's lines: stored lines have it, or a newer version of it, unless it is older
 * than the newest ones read (a resend) or was given to a preview.
 */
function withLine(lines: Body[], line: Body): Body[] {
  const id = lineId(line);
  return id === null || lines.some((known) => lineId(known) === id) ? lines : [...lines, line];
}

function lineId(line: Body): string | null {
  return text(line.id) ?? text(line.item_id);
}

function customer(body: Body, context: MappingContext): Mapped {
  const id = text(body.id) ?? text(body.customer_id);
  if (!id) return { invalid: said('zithara.noCustomerId') };
  const email = text(body.email) ?? text(body.contact_email);
  if (!email) return { invalid: said('zithara.noEmail', { id }) };
  const name = text(body.full_name) ?? text(body.name) ?? '';
  const phone = phoneNumber(text(body.phone) ?? text(body.billing_phone), context);
  return {
    call: {
      method: 'POST',
      path: '/customer',
      body: {
        platform_customer_id: id,
        ...nameParts(name),
        name,
        phone_number: phone,
        whatsapp_phone_number: phone,
        email,
        custom_attributes: { source: 'teamcrop' },
      },
    },
  };
}

function orderCustomer(body: Body, context: MappingContext): Body {
  const name = text(body.billing_full_name) ?? text(body.shipping_full_name) ?? '';
  const phone = phoneNumber(text(body.billing_phone) ?? text(body.shipping_phone), context);
  return {
    platform_customer_id: text(body.customer_id)!,
    ...nameParts(name),
    name,
    phone_number: phone,
    whatsapp_phone_number: phone,
    email: text(body.contact_email) ?? false,
    custom_attributes: {},
  };
}

function orderFields(body: Body, context: MappingContext): Body {
  const total = number(body.price_final);
  const owed = number(body.price_debt);
  return {
    status:
      number(body.is_delete) || number(body.cancel_reason)
        ? 'cancelled'
        : number(body.completed)
          ? 'completed'
          : 'pending',
    current_subtotal_price: number(body.price_sell),
    billing_address: address(body, 'billing'),
    payment_status: total > 0 && owed === 0 ? 'paid' : '',
    currency: context.currency,
    platform_order_id: text(body.id) ?? '',
    name: text(body.invoice_id) ?? text(body.id) ?? '',
    current_total_tax: number(body.price_tax),
    created_at: dateTime(body.date_created),
    custom_attributes: { pos_reference: text(body.invoice_id) ?? '' },
    note: text(body.note) ?? false,
    fulfillment_status: number(body.delivery_status) ? String(body.delivery_status) : '',
    current_total_discounts: number(body.price_discount),
    current_total_price: total,
    shipping_address: address(body, 'shipping'),
  };
}

/** Lines without an id are left out, as Zithara's own module does. */
function lineItems(lines: unknown[]): Body[] {
  return lines.filter(isRecord).flatMap((line) => {
    const id = lineId(line);
    if (!id) return [];
    return [
      {
        status: '',
        platform_line_item_id: id,
        price: number(line.price ?? line.item_price ?? line.price_sell),
        taxable: false,
        discount_amount: number(line.discount ?? line.price_discount),
        sku: text(line.sku) ?? '',
        product_id: text(line.product_id) ?? '',
        gift_card: false,
        custom_attributes: {},
        product_name: text(line.product_name) ?? text(line.name) ?? '',
        quantity: number(line.quantity) || 1,
      },
    ];
  });
}

/** What was paid so far, as one sale; none when nothing is paid yet. */
function transactions(body: Body): Body[] {
  const paid = number(body.price_final) - number(body.price_debt);
  if (paid <= 0) return [];
  return [
    {
      status: 'success',
      transaction_final_amount: paid,
      custom_attributes: {},
      transaction_mode: text(body.payment_method) ?? '',
      created_at: dateTime(body.date_created),
      platform_transaction_id: `${text(body.id)}-payment`,
      transaction_original_amount: number(body.price_final),
      financial_status: number(body.price_debt) === 0 ? 'paid' : 'partially_paid',
      transaction_type: 'sale',
    },
  ];
}

function address(body: Body, prefix: 'billing' | 'shipping'): Body {
  return {
    address1: text(body[`${prefix}_address`]) ?? '',
    city: '',
    province: '',
    zip: text(body[`${prefix}_zipcode`]) ?? '',
    country: text(body[`${prefix}_country`]) ?? '',
    phone: text(body[`${prefix}_phone`]) ?? '',
  };
}

/**
 * A Magento order as Zithara's module shapes it; a guest checkout's (its customer without a platform_customer_id) is
 * skipped as a Teamcrop walk-in sale is.
 */
function magentoOrder(body: Body): Mapped {
  const customer = isRecord(body.customer) ? body.customer : null;
  if (customer && !text(customer.platform_customer_id)) return { skip: said('zithara.guestCheckout') };
  return passOn('/order', body, ['order', 'customer']);
}

function passOn(path: ZitharaCall['path'], body: Body, required: string[]): Mapped {
  const missing = required.filter((field) => body[field] === undefined || body[field] === null || body[field] === '');
  if (missing.length)
    return { invalid: said('zithara.missing', { fields: missing.join(' and '), what: path.slice(1) }) };
  return { call: { method: 'POST', path, body } };
}

/**
 * Vietnamese names put the family name first ("Nguyễn Thúy Linh"): Zithara's
 * last_name gets the first word, first_name the rest.
 */
function nameParts(name: string): { first_name: string; last_name: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { first_name: words[0] ?? '', last_name: '' };
  return { first_name: words.slice(1).join(' '), last_name: words[0]! };
}

/** A country code only where the merchant set one, and only in place of a leading 0. */
function phoneNumber(phone: string | null, context: MappingContext): string {
  if (!phone) return '';
  const digits = phone.replace(/[^\d+]/g, '');
  if (!context.phoneCountryCode || !digits.startsWith('0')) return digits;
  return `${context.phoneCountryCode}${digits.slice(1)}`;
}

/** Teamcrop sends Unix seconds; Zithara wants `YYYY-MM-DD HH:MM:SS` (written in UTC). */
function dateTime(value: unknown): string {
  const seconds = number(value);
  if (!seconds) return '';
  return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

function number(value: unknown): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : 0;
}
