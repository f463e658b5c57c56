import { ZodError } from 'zod';
import type { Reason } from '../api/contract.js';
import { type Said, saying } from '../i18n/english.js';
import { adminReasons } from '../i18n/reasons/admin.js';

/** Why the admin API refused a request, by code (main/i18n/reasons/admin.ts): for InvalidInputError and ConflictError. */
export const refusedFor = saying(adminReasons);

/** A sentence for the merchant, and the reason the dashboard says it by in their language (when it has one). */
class SpokenError extends Error {
  readonly reason: Reason | null;
  constructor(said: string | Said) {
    super(typeof said === 'string' ? said : said.text);
    this.reason = typeof said === 'string' ? null : said.reason;
  }
}

/** A request the merchant can fix: the admin API answers 400 with this sentence. */
export class InvalidInputError extends SpokenError {}

/**
 * A request the merchant can fix in one field, refused the way a schema refuses one: the admin API names the
 * field, so the dashboard shows the sentence under it. `reason` and `values` let it say the sentence in the
 * merchant's language (`fields.custom_<reason>`).
 */
export function fieldRefused(
  path: (string | number)[],
  message: string,
  reason: string,
  values: Record<string, string | number> = {},
): ZodError {
  return new ZodError([{ code: 'custom', path, message, input: undefined, params: { reason, ...values } }]);
}

/**
 * A file in the data folder is damaged in a way starting over would hide (an
 * empty or foreign database): the engine refuses to start, says which file and
 * what to do, and exits with EXIT_DAMAGED_DATA so the desktop app does not
 * restart it in a loop.
 */
export class DamagedDataError extends Error {}

export const EXIT_DAMAGED_DATA = 3;

/** A start refused for a reason its sentence says whole (another engine holds the data folder). */
export class StartRefusedError extends Error {}

/** A request that cannot be done in the state things are in: the admin API answers 409 with this sentence. */
export class ConflictError extends SpokenError {}

/** An admin call about something that does not exist: the admin API answers 404 with this sentence. */
export class NotFoundError extends SpokenError {}

/** A request refused only for now (too many exports at once): the admin API answers 429, to ask again after a wait. */
export class BusyError extends SpokenError {
  constructor(
    said: string | Said,
    readonly retryAfterSeconds: number,
  ) {
    super(said);
  }
}
