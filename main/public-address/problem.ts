import type { Reason } from '../api/contract.js';
import { inEnglish } from '../i18n/english.js';
import { publicAddressReasons, type PublicAddressReasonCode } from '../i18n/reasons/public-address.js';

/** Why the public address is not online: the reason for the dashboard, the English sentence, and whether trying again can help. */
export interface Problem {
  reason: Reason;
  sentence: string;
  /** False when only the merchant can fix it (a wrong authtoken or domain): no point in trying again until settings change. */
  retry: boolean;
}

export function problem(code: PublicAddressReasonCode, params: Record<string, string> = {}, retry = true): Problem {
  return { reason: { code, params }, sentence: inEnglish(publicAddressReasons, code, params), retry };
}
