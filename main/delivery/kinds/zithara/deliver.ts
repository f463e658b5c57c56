import { STATUS_CODES } from 'node:http';
import type { ActiveDestination } from '../../../store/destinations.js';
import { said } from '../../said.js';
import { localOutcome, type Outcome, type Sender } from '../../send.js';
import type { OutgoingEvent } from '../../outgoing.js';
import { answerOf, zitharaUrl } from './api.js';
import { withoutSecrets } from '../../scrub-secrets.js';
import type { MappedText } from './mapping.js';
import type { ZitharaTokens } from './token.js';

/**
 * One event to Zithara, mapped (see DeliveryBodies.zithara): call with the shared token (the bare token in
 * Authorization, as Zithara wants), and on 401/403 fetch a new token once and
 * call again. Success is HTTP 200/201 whose JSON `status`, if any, is below 300,
 * or any answer whose JSON `status` is 201. A 400 or 422 with Zithara's reason fails at once, and so does a
 * refused client id and secret (the token request answered 401/403, or a call refused again with a new token):
 * Zithara would refuse every retry the same way, each order waiting ~20 h for nothing.
 */
export async function deliverToZithara(
  sender: Sender,
  tokens: ZitharaTokens,
  destination: ActiveDestination,
  event: OutgoingEvent,
  mapped: MappedText,
): Promise<Outcome> {
  if ('skip' in mapped) return localOutcome('skipped', mapped.skip);
  if ('invalid' in mapped) return localOutcome('invalid', mapped.invalid);
  if ('busy' in mapped) return localOutcome('busy', mapped.busy);
  const { call } = mapped;
  let outcome: Outcome | null = null;
  // Zithara's answer may quote the token it was sent (the destination's own secrets are hidden by the Deliverer).
  const sent: string[] = [];
  for (let round = 0; round < 2; round++) {
    const token = await tokens.get(destination);
    if ('failure' in token) return withoutSecrets(token.failure, sent);
    sent.push(token.token);
    outcome = await sender.send(destination.id, destination.concurrency, {
      url: zitharaUrl(destination, call.path),
      method: call.method,
      headers: {
        authorization: token.token,
        'content-type': 'application/json',
        accept: 'application/json',
        'x-webhook-event': event.type,
      },
      body: Buffer.from(call.body),
      timeoutMs: destination.timeoutMs,
    });
    if (outcome.httpStatus !== 401 && outcome.httpStatus !== 403) break;
    tokens.invalidate(destination.id);
  }
  return withoutSecrets(judge(outcome!), sent);
}

/** Zithara's answers to data it will not take as it is (a field missing or malformed). */
const REFUSED_DATA = new Set([400, 422]);

function judge(outcome: Outcome): Outcome {
  if (outcome.httpStatus === null) return outcome;
  const answer = answerOf(outcome);
  const bodyStatus = typeof answer.status === 'number' ? answer.status : null;
  const ok =
    bodyStatus === 201 ||
    ((outcome.httpStatus === 200 || outcome.httpStatus === 201) && (bodyStatus === null || bodyStatus < 300));
  if (ok) return { ...outcome, category: 'delivered', error: null, reason: null };
  const status = bodyStatus ?? outcome.httpStatus;
  // Zithara's `error` is often only the status's English name ("Internal Server Error"): the code says it already.
  const told = [answer.error, answer.message]
    .filter((part) => typeof part === 'string' && part && part !== STATUS_CODES[status])
    .join(': ');
  if (outcome.httpStatus === 401 || outcome.httpStatus === 403) {
    const refused = said('zithara.accessRefused', { status: outcome.httpStatus });
    return { ...outcome, category: 'http', error: refused.text, reason: refused.reason, final: true };
  }
  // Zithara said what is wrong with the data: the same data would be refused the same way at every retry.
  if (told && REFUSED_DATA.has(status)) {
    const refused = said('zithara.refusedData', { status, said: told });
    return { ...outcome, category: 'invalid', error: refused.text, reason: refused.reason };
  }
  const why = told
    ? said(status >= 500 ? 'zithara.serverError' : 'zithara.answered', { status, said: told })
    : outcome.error !== null && outcome.reason !== null
      ? { text: outcome.error, reason: outcome.reason }
      : said('zithara.answeredStatus', { status: outcome.httpStatus });
  return {
    ...outcome,
    category: outcome.category === 'delivered' ? 'http' : outcome.category,
    error: why.text,
    reason: why.reason,
  };
}
