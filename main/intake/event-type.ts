import { topLevelRecords } from '../lib/values.js';
import type { SourceKind } from '../api/contract.js';
import { type Headers, headerValue } from './headers.js';
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
      if (value) return { type: utf8Of(value).slice(0, 200), sender: sender.kind };
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

/**
 * A header as its sender wrote it: Node reads header bytes as Latin-1, so `đơn hàng` sent in UTF-8 came out as
 * `Ä\x91Æ¡n hÃ\xa0ng`, and a destination's pattern for it never matched. Bytes that are not UTF-8 stay as read.
 */
function utf8Of(value: string): string {
  if (!/[\x80-\xff]/.test(value)) return value;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? value : decoded;
}

export function providerEventIdOf(headers: Headers): string | null {
  for (const name of deliveryIdHeaders) {
    const value = headerValue(headers, name);
    if (value) return `${name}:${value.slice(0, 200)}`;
  }
  return null;
}
