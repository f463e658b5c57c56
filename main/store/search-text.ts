import { asStoredPhone, fold } from '../api/search-fold.js';
import { remembered } from '../lib/remembered.js';
import { isRecord, textOf } from '../lib/values.js';

/** Fields of a body worth finding an event by: references, names, phones, emails. */
const WANTED = /name|phone|email|invoice|number|code|reference|sku/i;
/** Nested records looked into (a Shopify customer, a WooCommerce billing block): one level deep. */
const MAX_DEPTH = 2;
const MAX_LENGTH = 2000;

/**
 * What search looks in for one event, folded: its id, type and summary, and the
 * names, phones, emails and references of its body.
 */
export function searchTextOf(event: { id: string; type: string; summary: string; parsed: unknown }): string {
  const fields: string[] = [];
  collect(event.parsed, 1, fields);
  // A phone the sender wrote with spaces, dots or +84 is found by the digits a shop types, as queries are read.
  const phones = fields.map(asStoredPhone).filter((phone, index) => phone !== fields[index]);
  const parts = [event.id, event.type, event.summary, ...fields, ...phones];
  // Folded part by part (the same as folding them joined): the parts that are plain ASCII skip Unicode normalization.
  return [...new Set(parts)].map(fold).join(' ').slice(0, MAX_LENGTH);
}

function collect(value: unknown, depth: number, into: string[]): void {
  if (Array.isArray(value)) {
    // A body that is a list (a Magento batch) or wraps one record: its first record stands for it.
    if (depth <= MAX_DEPTH) collect(value[0], depth, into);
    return;
  }
  if (!isRecord(value)) return;
  for (const key of Object.keys(value)) {
    const field = value[key];
    if (typeof field === 'object' && field !== null) {
      if (depth < MAX_DEPTH) collect(field, depth + 1, into);
      continue;
    }
    if (!isWanted(key)) continue;
    const text = textOf(field);
    if (text) into.push(text);
  }
}

/** A sender uses the same few hundred field names in every body: each is tested once. */
const isWanted = remembered((key) => WANTED.test(key));
