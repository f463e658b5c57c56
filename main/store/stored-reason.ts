import type { Reason } from '../api/contract.js';

/** A reason (code and parameters) as its TEXT column holds it: JSON, or NULL for none. */
export function reasonColumn(reason: Reason | null): string | null {
  return reason === null ? null : JSON.stringify(reason);
}

export function reasonFromColumn(json: string | null): Reason | null {
  return json === null ? null : (JSON.parse(json) as Reason);
}
