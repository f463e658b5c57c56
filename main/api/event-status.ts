import type { DeliveryStatus, EventStatus } from './contract.js';

/**
 * An event's status from its deliveries, never claiming more than happened:
 * one failure shows even while others still wait; `discarded` outranks
 * `delivered`, so a merchant's "give up" is not read as success; `skipped`
 * only when every destination passed it by; `received` when none took it.
 * The store computes stored statuses with this (as the SQL aggregate
 * `event_status`), so lists, counts, the chart and the live row agree.
 */
export function eventStatusOf(deliveries: Iterable<DeliveryStatus>): EventStatus {
  const seen = new Set(deliveries);
  if (seen.size === 0) return 'received';
  if (seen.has('failed')) return 'failed';
  if (seen.has('pending') || seen.has('retrying') || seen.has('delivering')) return 'pending';
  if (seen.has('discarded')) return 'discarded';
  if (seen.has('delivered')) return 'delivered';
  return 'skipped';
}
