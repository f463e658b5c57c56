import { isRecord } from '../lib/values.js';
import type { SourceKind } from '../api/contract.js';

type Headers = Record<string, string | string[] | undefined>;

/** The header each kind names its event in (lower-case, as Node gives them). */
const typeHeaderByKind: Record<Exclude<SourceKind, 'generic'>, string> = {
  teamcrop: 'tc-webhook-event',
  shopify: 'x-shopify-topic',
  woocommerce: 'x-wc-webhook-topic',
  magento: 'x-magento-event',
};
/** A generic source looks at all of the above, then at these common names. */
const commonTypeHeaders = ['x-event-type', 'x-webhook-event'];
const bodyTypeFields = ['event', 'type', 'topic'];

/** Headers that carry the sender's own delivery id; a repeat of one is a retry. */
const providerIdHeaders = ['x-shopify-event-id', 'x-wc-webhook-delivery-id', 'webhook-id'];

export function headerValue(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

/**
 * The event type, and the kind of sender it reveals: a generic source that
 * receives `Tc-Webhook-Event` is being called by Teamcrop, which the summary uses.
 */
export function eventTypeOf(kind: SourceKind, headers: Headers, parsed: unknown): { type: string; sender: SourceKind } {
  const kinds = kind === 'generic' ? (Object.keys(typeHeaderByKind) as (keyof typeof typeHeaderByKind)[]) : [kind];
  for (const sender of kinds) {
    const value = headerValue(headers, typeHeaderByKind[sender]);
    if (value) return { type: value.slice(0, 200), sender };
  }
  if (kind === 'generic') {
    for (const name of commonTypeHeaders) {
      const value = headerValue(headers, name);
      if (value) return { type: value.slice(0, 200), sender: kind };
    }
  }
  for (const record of topLevelRecords(parsed)) {
    for (const field of bodyTypeFields) {
      const value = record[field];
      if (typeof value === 'string' && value.trim()) return { type: value.trim().slice(0, 200), sender: kind };
    }
  }
  return { type: 'unknown', sender: kind };
}

export function providerEventIdOf(headers: Headers): string | null {
  for (const name of providerIdHeaders) {
    const value = headerValue(headers, name);
    if (value) return `${name}:${value.slice(0, 200)}`;
  }
  return null;
}

/** The body itself, and when it has one root element (XML, or `{"order": {…}}`), what sits inside it. */
export function topLevelRecords(parsed: unknown): Record<string, unknown>[] {
  if (!isRecord(parsed)) return [];
  const keys = Object.keys(parsed).filter((key) => key !== '?xml');
  const only = keys.length === 1 ? parsed[keys[0]!] : undefined;
  return isRecord(only) ? [parsed, only] : [parsed];
}
