import type { SourceKind } from '../api/contract.js';
import { isRecord, textOf, topLevelRecords } from '../lib/values.js';
import type { SummaryRule } from './senders/sender.js';
import { senderOf } from './senders/index.js';

/** Used when the sender's own rules do not know the event type. */
const fallback: SummaryRule = {
  type: /./,
  reference: ['invoice_id', 'order_id', 'order_number', 'number', 'name', 'id'],
  amount: { fields: ['total', 'total_price', 'amount'], currency: { field: 'currency' } },
  who: ['customer_name', 'email'],
};

const SEPARATOR = ' · ';
const plainNumber = new Intl.NumberFormat('en-US');
const MAX_LENGTH = 200;

/** The order stored with this id, as the source sent it (see EventReader.storedOrder); null when none is found. */
export type StoredOrderOf = (orderId: string) => Record<string, unknown> | null;

/**
 * One line a shopkeeper can read in the live log, e.g.
 * `order.add · SPIRAL-170623-1017-DC92 · 936.200 ₫ · Nguyễn Thúy Linh`, by the
 * sender's rules (see each module in `senders/`). An order line that names its order only by id is said by its
 * order's reference when `storedOrder` finds the order (see SummaryRule.order).
 */
export function summarize(kind: SourceKind, type: string, parsed: unknown, storedOrder?: StoredOrderOf): string {
  // The innermost record: an XML body's root element, or the body itself.
  const body = topLevelRecords(parsed).at(-1);
  const rule = senderOf(kind).summaries.find((candidate) => candidate.type.test(type)) ?? fallback;
  const parts = [type];
  if (isRecord(body)) {
    const familyFirst = isVietnamese(body, rule);
    const reference = orderReference(body, rule, storedOrder) ?? firstText(body, rule.reference, familyFirst);
    if (reference) parts.push(reference);
    const amount = rule.amount && formatAmount(body, rule.amount);
    if (amount) parts.push(amount);
    const who = rule.who && firstText(body, rule.who, familyFirst);
    if (who && who !== reference) parts.push(who);
  }
  const line = parts.join(SEPARATOR);
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}

/** The order's own reference, for a body that names its order only by id (see SummaryRule.order). */
function orderReference(
  body: Record<string, unknown>,
  rule: SummaryRule,
  storedOrder: StoredOrderOf | undefined,
): string | null {
  if (!rule.order || !storedOrder) return null;
  const orderId = textAt(body, rule.order.field);
  if (!orderId || firstText(body, rule.reference) !== orderId) return null;
  const order = storedOrder(orderId);
  return order && firstText(order, rule.order.reference);
}

function formatAmount(body: Record<string, unknown>, spec: NonNullable<SummaryRule['amount']>): string | null {
  // An amount of 0 is an amount (a gift, a full discount): said as 0 ₫, where a 0 elsewhere means nothing.
  const raw = spec.fields.map((field) => valueAt(body, field)).find((found) => found === 0 || textOf(found) !== null);
  const value = raw === undefined ? NaN : Number(typeof raw === 'string' ? raw.trim() : raw);
  if (!Number.isFinite(value)) return null;
  const code = 'code' in spec.currency ? spec.currency.code : firstText(body, [spec.currency.field]);
  if (!code || !/^[A-Z]{3}$/i.test(code)) return plainNumber.format(value);
  return currencyFormat(code.toUpperCase())
    .format(value)
    .replace(/\u00a0/g, ' ');
}

// Building an Intl.NumberFormat costs far more than using one: one per currency, kept.
const currencyFormats = new Map<string, Intl.NumberFormat>();

function currencyFormat(code: string): Intl.NumberFormat {
  let format = currencyFormats.get(code);
  if (!format) {
    // Each amount in the notation of the currency's home: 936.200 ₫, ₹1,250.00, $12.50.
    const locale = code === 'VND' ? 'vi-VN' : code === 'INR' ? 'en-IN' : 'en-US';
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
    currencyFormats.set(code, format);
  }
  return format;
}

/**
 * Whether the customer is Vietnamese, by the country the order or customer gives (else by a VND amount). A shop's
 * web form asks "first name" and "last name" in Western order, so Trần Thị Hoa arrives as first name Hoa, last
 * name Trần Thị: the summary, made once here and read in the live log and the spreadsheet alike, puts her family
 * name first. Decided by the customer rather than the dashboard's language, so a foreign customer's name keeps
 * its own order on a Vietnamese dashboard.
 */
function isVietnamese(body: Record<string, unknown>, rule: SummaryRule): boolean {
  if (!rule.countries) return false;
  const country = rule.countries.map((path) => textAt(body, path)).find((found) => found !== null);
  if (country) return country.trim().toUpperCase() === 'VN';
  const currency = rule.amount && 'field' in rule.amount.currency ? textAt(body, rule.amount.currency.field) : null;
  return currency?.trim().toUpperCase() === 'VND';
}

/** The first field with text; a field of several (`first last`) joins them, the other way round when `reversed`. */
function firstText(body: Record<string, unknown>, fields: string[], reversed = false): string | null {
  for (const field of fields) {
    const paths = field.split(' ');
    const joined = (reversed ? paths.reverse() : paths)
      .map((path) => textAt(body, path))
      .filter((part): part is string => part !== null)
      .join(' ');
    if (joined) return joined;
  }
  return null;
}

function textAt(body: Record<string, unknown>, path: string): string | null {
  return textOf(valueAt(body, path));
}

function valueAt(body: Record<string, unknown>, path: string): unknown {
  let value: unknown = body;
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
  return value;
}
