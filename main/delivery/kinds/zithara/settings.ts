import { z } from 'zod';
import type { ActiveDestination } from '../../../store/destinations.js';

/** The Zithara CRM's API (docs/zithara-api.md); the destination's `url` is its base URL. */
export const ZITHARA_BASE_URL = 'https://dev-pos-api.zithara.com/v1';

export const ZitharaSettings = z
  .object({
    clientId: z.string().trim().min(1, 'Enter the Zithara client id.').max(200),
    /** Write-only; left out on update keeps the stored one. */
    clientSecret: z.string().max(500).optional(),
    /** Put before a phone number that starts with 0 (the leading 0 dropped), e.g. 84 for Vietnam, 91 for India; empty keeps numbers as they are. */
    phoneCountryCode: z
      .string()
      .trim()
      .regex(/^\d{0,4}$/, 'A country code is digits only, such as 84 or 91.')
      .default(''),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'A currency is a three-letter code such as VND or INR.')
      .default('VND'),
  })
  .strict();
export type ZitharaSettings = z.infer<typeof ZitharaSettings>;

/** A Zithara destination's settings and client secret, as its calls use them. */
export function zitharaSettingsOf(destination: ActiveDestination): ZitharaSettings & { clientSecret: string } {
  const settings = destination.settings as ZitharaSettings;
  return { ...settings, clientSecret: destination.secrets.clientSecret ?? '' };
}
