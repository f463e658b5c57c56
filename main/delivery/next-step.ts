import type { Outcome } from './send.js';
import { type DeliveryCode, said } from './said.js';
import { BUSY_TRIES } from './schedule.js';

/**
 * Said differently when no other try follows: a try that reached the destination but got no answer, and the last of
 * BUSY_TRIES tries in a row Hookferry was too busy to make (said with that count).
 */
const LAST_TRY: Partial<Record<DeliveryCode, DeliveryCode>> = {
  'delivery.timeoutSent': 'delivery.timeoutSentLast',
  'delivery.resetSent': 'delivery.resetSentLast',
  'delivery.unreadableSent': 'delivery.unreadableSentLast',
  'delivery.bodyBusy': 'delivery.bodyBusyLast',
  'delivery.bodyInterrupted': 'delivery.bodyInterruptedLast',
};

/**
 * A failed try's sentence, made true for what comes after it, which only the queue knows: no "Hookferry sends it
 * again" after the last try, and a wait the destination asked for (`Retry-After`) said with the wait kept.
 */
export function saidForNextStep(outcome: Outcome, delayMs: number | null): Outcome {
  const { reason } = outcome;
  if (!reason) return outcome;
  const last = delayMs === null ? LAST_TRY[reason.code as DeliveryCode] : undefined;
  if (last) {
    const params = outcome.category === 'busy' ? { ...reason.params, tries: BUSY_TRIES } : reason.params;
    return { ...outcome, ...sentence(said(last, params)) };
  }
  if (delayMs === null || outcome.retryAfterMs === null || outcome.httpStatus === null) return outcome;
  const seconds = Math.round(delayMs / 1000);
  const asked = Math.round(outcome.retryAfterMs / 1000);
  const status = reason.params.status ?? String(outcome.httpStatus);
  return {
    ...outcome,
    ...sentence(
      asked > seconds
        ? said('delivery.askedToWaitLonger', { status, asked, seconds })
        : said('delivery.askedToWait', { status, seconds }),
    ),
  };
}

function sentence({ text, reason }: ReturnType<typeof said>) {
  return { error: text, reason };
}
