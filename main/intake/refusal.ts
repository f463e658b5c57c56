import type { Reason } from '../api/contract.js';
import { inEnglish } from '../i18n/english.js';
import { boundedParams } from '../lib/bounded-text.js';
import { type IntakeReasonCode, intakeReasons } from '../i18n/reasons/intake.js';

/**
 * A refused request: the status the sender gets, the English sentence (its
 * answer and the log), and the reason the dashboard shows in the merchant's language.
 */
export interface Refusal {
  status: number;
  message: string;
  reason: Reason;
}

/** The parameters are bounded (a parser's words may quote the body): the answer, the log and the stored reason are small. */
export function refusal(status: number, code: IntakeReasonCode, params: Reason['params'] = {}): Refusal {
  const kept = boundedParams(params);
  return { status, message: inEnglish(intakeReasons, code, kept), reason: { code, params: kept } };
}
