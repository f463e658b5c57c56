import type { Reason } from '../api/contract.js';
import { saying } from '../i18n/english.js';
import { deliveryReasons } from '../i18n/reasons/delivery.js';

export type DeliveryCode = keyof typeof deliveryReasons.en;

/** A reason for the merchant: the code and parameters the dashboard renders, and the English sentence for logs and the API. */
export interface Said {
  text: string;
  reason: Reason;
}

/** The reason `code`, its English sentence written from the same table the dashboard reads. */
export const said: (code: DeliveryCode, params?: Reason['params']) => Said = saying(deliveryReasons);
