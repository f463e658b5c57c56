import type { Reason } from '../api/contract.js';
import { boundedReason } from '../lib/bounded-text.js';

/**
 * A reason (code and parameters) as its TEXT column holds it: JSON, or NULL for none. Bounded on the way in and
 * again on the way out (bounded-text.ts): a row stored too long before the bound was kept still reads small.
 */
export function reasonColumn(reason: Reason | null): string | null {
  return reason === null ? null : JSON.stringify(boundedReason(reason));
}

export function reasonFromColumn(json: string | null): Reason | null {
  return json === null ? null : boundedReason(JSON.parse(json) as Reason);
}
