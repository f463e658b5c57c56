import type { TFunction } from 'i18next';
import type { Reason } from '../api/contract.js';

/**
 * A reason from the engine in the translator's language: `reasons.<code>` with its parameters, or the
 * engine's English sentence when there are no words for the code. A `cause` (why a delivery failed,
 * inside a notice) is said first and filled into the sentence's `{{cause}}`. The dashboard and the
 * desktop shell both say reasons through this.
 */
export function reasonText(t: TFunction, reason: Reason | null | undefined, english: string, cause?: Reason | null) {
  if (!reason) return english;
  const causeText = cause ? t(`reasons.${cause.code}`, { ...cause.params, defaultValue: '' }) : undefined;
  return t(`reasons.${reason.code}`, {
    ...reason.params,
    ...(causeText === undefined ? {} : { cause: causeText }),
    defaultValue: english,
  });
}
