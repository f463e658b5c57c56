import type { StoredBody } from '../store/body-format.js';

/** What an outgoing request is made of, whether a stored event or the test sample. */
export interface OutgoingEvent {
  id: string;
  type: string;
  sourceName: string | null;
  contentType: string | null;
  body: Buffer;
  parsed: unknown;
  /** The body as stored, for work done off the engine's thread (see DeliveryBodies); null for the test sample. */
  stored: StoredBody | null;
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
    stored: null,
  };
}
