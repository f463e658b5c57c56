import type { ActiveDestination } from '../store/destinations.js';
import type { OutgoingRequest } from './send.js';
import { standardWebhookHeaders } from './sign.js';

export const USER_AGENT = 'Hookferry/0.1 (+webhook relay)';

/** What an outgoing request is made of, whether a stored event or the test sample. */
export interface OutgoingEvent {
  id: string;
  type: string;
  sourceName: string | null;
  contentType: string | null;
  body: Buffer;
  parsed: unknown;
}

/**
 * The request for one webhook destination. `webhook-id` is the event id, the
 * same on every try and every resend, so receivers can de-duplicate.
 */
export function webhookRequest(
  destination: ActiveDestination,
  event: OutgoingEvent,
  now = Date.now(),
): OutgoingRequest {
  const asJson = destination.bodyMode === 'json';
  const body = asJson ? Buffer.from(JSON.stringify(event.parsed ?? event.body.toString('utf8'))) : event.body;
  const headers: Record<string, string> = {
    'content-type': asJson ? 'application/json' : (event.contentType ?? 'application/octet-stream'),
    'user-agent': USER_AGENT,
    'x-hookferry-event': event.type,
    'x-hookferry-source': encodeHeader(event.sourceName ?? ''),
    'webhook-id': event.id,
  };
  for (const { name, value } of destination.sendHeaders) headers[name.toLowerCase()] = value;
  if (destination.signingSecret)
    Object.assign(headers, standardWebhookHeaders(destination.signingSecret, event.id, Math.floor(now / 1000), body));
  return { url: destination.url, method: destination.method, headers, body, timeoutMs: destination.timeoutMs };
}

/** Header values must be Latin-1; a source named in Vietnamese is sent percent-encoded. */
function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : encodeURIComponent(value);
}

/** The sample for "send test event". */
export function testEvent(now = Date.now()): OutgoingEvent {
  const parsed = {
    event: 'hookferry.test',
    message: 'This is a test event from Hookferry. If you can read it, the destination works.',
    sentAt: new Date(now).toISOString(),
  };
  return {
    id: `evt_test_${now.toString(36)}`,
    type: 'hookferry.test',
    sourceName: 'Hookferry',
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify(parsed)),
    parsed,
  };
}
