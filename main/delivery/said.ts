import { saying } from '../i18n/english.js';
import { deliveryReasons } from '../i18n/reasons/delivery.js';

export type { Said } from '../i18n/english.js';
export type DeliveryCode = keyof typeof deliveryReasons.en;

/** The reason `code`, its English sentence written from the same table the dashboard reads. */
export const said = saying(deliveryReasons);
