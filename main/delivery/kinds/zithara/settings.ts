import { z } from 'zod';
import { HEADER_SAFE } from '../../../api/contract.js';
import { say } from '../../../i18n/contract-messages.js';
import type { ActiveDestination } from '../../../store/destinations.js';

/**
 * The base URL of Zithara's Magento module (docs/zithara-api.md): its development server, the only address Zithara
 * publishes. Named to a merchant, never filled in for them (see the kind's `defaults`); the destination's `url` is
 * the base URL Zithara gave the shop.
 */
export const ZITHARA_DEV_URL = 'https://dev-pos-api.zithara.com/v1';

export const ZitharaSettings = z
  .object({
    // Both are sent as headers (docs/zithara-api.md): a paste's stray spaces and newline at either end are trimmed,
    // anything else a header cannot carry is refused here, not found at every try as a request Node will not send.
    clientId: z.string().trim().min(1, say.zitharaClientId).max(200).regex(HEADER_SAFE, say.zitharaClientIdUnsafe),
    /** Write-only; left out (or empty) on update keeps the stored one. Spaces alone are a mistake, not "keep it". */
    clientSecret: z
      .string()
      .max(500)
      .refine((value) => value === '' || value.trim() !== '', say.zitharaClientSecretBlank)
      .trim()
      .regex(HEADER_SAFE, say.zitharaClientSecretUnsafe)
      .optional(),
    /** Put before a phone number that starts with 0 (the leading 0 dropped), e.g. 84 for Vietnam, 91 for India; empty keeps numbers as they are. */
    phoneCountryCode: z
      .string()
      // Typed the way it is dialled (+84) or kept as digits (84): the same code.
      .transform((value) => value.trim().replace(/^\+/, ''))
      .pipe(z.string().regex(/^\d{0,4}$/, say.zitharaCountryCode))
      .default(''),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, say.zitharaCurrency)
      .default('VND'),
  })
  .strict();
export type ZitharaSettings = z.infer<typeof ZitharaSettings>;

/** A Zithara destination's settings and client secret, as its calls use them. */
export function zitharaSettingsOf(destination: ActiveDestination): ZitharaSettings & { clientSecret: string } {
  const settings = destination.settings as ZitharaSettings;
  // One saved before secrets were trimmed may end in a paste's newline, which no header carries (nor means).
  return { ...settings, clientSecret: (destination.secrets.clientSecret ?? '').trim() };
}
