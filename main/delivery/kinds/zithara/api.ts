import type { ActiveDestination } from '../../../store/destinations.js';
import type { Outcome } from '../../send.js';

/** An endpoint under the destination's base URL (with or without a trailing slash). */
export function zitharaUrl(destination: ActiveDestination, path: string): string {
  return `${destination.url.replace(/\/+$/, '')}${path}`;
}

/** Zithara's JSON answer, or an empty object when it sent none: then the HTTP status alone decides. */
export function answerOf(outcome: Outcome): Record<string, unknown> {
  try {
    const answer: unknown = JSON.parse(outcome.responseBody?.toString('utf8') ?? '');
    return typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
