import { topLevelRecords } from '../lib/values.js';
import type { SourceKind } from '../api/contract.js';
import { type Headers, headerText, headerValue } from './headers.js';
import { allSenders, deliveryIdHeaders, senderOf } from './senders/index.js';

const bodyTypeFields = ['event', 'type', 'topic'];

/**
 * The event type, and the kind of sender it reveals: a generic source that
 * receives `Tc-Webhook-Event` is being called by Teamcrop, which the summary uses.
 */
export function eventTypeOf(kind: SourceKind, headers: Headers, parsed: unknown): { type: string; sender: SourceKind } {
  const own = senderOf(kind);
  const candidates = own.recognisesOtherSenders ? [...allSenders.filter((sender) => sender !== own), own] : [own];
  for (const sender of candidates) {
    for (const name of sender.eventTypeHeaders) {
      const value = headerValue(headers, name);
      if (value) return { type: headerText(value).slice(0, 200), sender: sender.kind };
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
  for (const name of deliveryIdHeaders) {
    const value = headerValue(headers, name);
    if (value) return `${name}:${value.slice(0, 200)}`;
  }
  return null;
}
