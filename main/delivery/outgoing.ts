import { translatorFor } from '../i18n/translator.js';
import type { Language } from '../i18n/resources.js';
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

/**
 * The sample for "send test event". Its message is in the dashboard's language, since the merchant reads it (in the
 * event's detail, and at a destination they run); its field names stay as they are, for a destination that reads
 * them. A kind whose test only proves the credentials (`tokenOnly`: Zithara fetches a token) sends no sample: its
 * stored body says what the test did instead, rather than show a message that never left.
 */
export function testEvent(
  now = Date.now(),
  language: Language = 'en',
  tokenOnly: { kind: string } | null = null,
): OutgoingEvent {
  const t = translatorFor(language);
  const parsed = {
    event: 'hookferry.test',
    message: tokenOnly ? t('testEvent.tokenOnly', { kind: tokenOnly.kind }) : t('testEvent.message'),
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
