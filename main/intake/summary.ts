import type { SourceKind } from '../api/contract.js';
import { topLevelRecords } from './event-type.js';
import { isRecord, textOf } from '../lib/values.js';

/**
 * One line a shopkeeper can read in the live log, e.g.
 * `order.add · SPIRAL-170623-1017-DC92 · 936.200 ₫ · Nguyễn Thúy Linh`.
 *
 * Each rule lists, per part, the fields to try in order; a field written as
 * `a b` joins several with a space (first and last names). Currency is either a
 * fixed code or a field holding one.
 */
interface Rule {
  kind: SourceKind | 'any';
  type: RegExp;
  reference: string[];
  amount?: { fields: string[]; currency: { code: string } | { field: string } };
  who?: string[];
}

const rules: Rule[] = [
  {
    kind: 'teamcrop',
    type: /^order\./,
    reference: ['invoice_id', 'id'],
    amount: { fields: ['price_final'], currency: { code: 'VND' } },
    who: ['billing_full_name', 'shipping_full_name', 'contact_email'],
  },
  { kind: 'teamcrop', type: /^customer\./, reference: ['full_name', 'name'], who: ['phone', 'email'] },
  { kind: 'teamcrop', type: /^product\./, reference: ['name', 'id'], who: ['sku', 'code'] },
  {
    kind: 'teamcrop',
    type: /^(cashflow|productreceipt)\./,
    reference: ['code', 'id'],
    amount: { fields: ['value', 'price_final', 'amount'], currency: { code: 'VND' } },
  },
  {
    kind: 'shopify',
    type: /^orders\//,
    reference: ['name', 'order_number', 'id'],
    amount: { fields: ['total_price'], currency: { field: 'currency' } },
    who: ['customer.first_name customer.last_name', 'email'],
  },
  { kind: 'shopify', type: /^customers\//, reference: ['first_name last_name', 'id'], who: ['email', 'phone'] },
  {
    kind: 'woocommerce',
    type: /^order\./,
    reference: ['number', 'id'],
    amount: { fields: ['total'], currency: { field: 'currency' } },
    who: ['billing.first_name billing.last_name', 'billing.email'],
  },
  { kind: 'woocommerce', type: /^customer\./, reference: ['first_name last_name', 'id'], who: ['email'] },
  {
    kind: 'magento',
    type: /order|payment/,
    reference: ['increment_id', 'order.increment_id', 'entity_id'],
    amount: { fields: ['grand_total', 'order.grand_total'], currency: { field: 'order_currency_code' } },
    who: ['customer_firstname customer_lastname', 'customer_email'],
  },
  { kind: 'magento', type: /customer/, reference: ['firstname lastname', 'email'], who: ['email'] },
  {
    kind: 'magento',
    type: /cart|quote/,
    reference: ['entity_id', 'quote_id'],
    amount: { fields: ['grand_total'], currency: { field: 'quote_currency_code' } },
    who: ['customer_email'],
  },
  {
    kind: 'any',
    type: /./,
    reference: ['invoice_id', 'order_id', 'order_number', 'number', 'name', 'id'],
    amount: { fields: ['total', 'total_price', 'amount'], currency: { field: 'currency' } },
    who: ['customer_name', 'email'],
  },
];

const SEPARATOR = ' · ';
const plainNumber = new Intl.NumberFormat('en-US');
const MAX_LENGTH = 200;

export function summarize(kind: SourceKind, type: string, parsed: unknown): string {
  // The innermost record: an XML body's root element, or the body itself.
  const body = topLevelRecords(parsed).at(-1);
  const rule = rules.find(
    (candidate) => (candidate.kind === kind || candidate.kind === 'any') && candidate.type.test(type),
  );
  const parts = [type];
  if (rule && isRecord(body)) {
    const reference = firstText(body, rule.reference);
    if (reference) parts.push(reference);
    const amount = rule.amount && formatAmount(body, rule.amount);
    if (amount) parts.push(amount);
    const who = rule.who && firstText(body, rule.who);
    if (who && who !== reference) parts.push(who);
  }
  const line = parts.join(SEPARATOR);
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}

function formatAmount(body: Record<string, unknown>, spec: NonNullable<Rule['amount']>): string | null {
  const text = firstText(body, spec.fields);
  const value = text === null ? NaN : Number(text);
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

function firstText(body: Record<string, unknown>, fields: string[]): string | null {
  for (const field of fields) {
    const joined = field
      .split(' ')
      .map((path) => textAt(body, path))
      .filter((part): part is string => part !== null)
      .join(' ');
    if (joined) return joined;
  }
  return null;
}

function textAt(body: Record<string, unknown>, path: string): string | null {
  let value: unknown = body;
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
  return textOf(value);
}
