import type { Outcome } from './send.js';
import { type DeliveryCode, said } from './said.js';

/** A try that reached the destination but got no answer: said differently when no other try follows. */
const LAST_TRY: Partial<Record<DeliveryCode, DeliveryCode>> = {
  'delivery.timeoutSent': 'delivery.timeoutSentLast',
  'delivery.resetSent': 'delivery.resetSentLast',
};

/**
 * A failed try's sentence, made true for what comes after it, which only the queue knows: no "Hookferry sends it
 * again" after the last try, and a wait the destination asked for (`Retry-After`) said with the wait kept.
 */
export function saidForNextStep(outcome: Outcome, delayMs: number | null): Outcome {
  const { reason } = outcome;
  if (!reason) return outcome;
  const last = delayMs === null ? LAST_TRY[reason.code as DeliveryCode] : undefined;
  if (last) return { ...outcome, ...sentence(said(last, reason.params)) };
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
