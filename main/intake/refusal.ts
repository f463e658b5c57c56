import type { Reason } from '../api/contract.js';
import { inEnglish } from '../i18n/english.js';
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

export function refusal(status: number, code: IntakeReasonCode, params: Reason['params'] = {}): Refusal {
  return { status, message: inEnglish(intakeReasons, code, params), reason: { code, params } };
}
