import { deliveryFilterStatuses, type EventFilterStatus } from '../api/contract.js';
import { countedAs } from './event-counters.js';
import { deliveryWaits, eventWaits } from './event-waits.js';

const OPEN = "('pending', 'retrying')";

/**
 * The live log's Status and Destination filters as one SQL condition on `e` and its arguments (see
 * `eventFilterStatuses`). What waits is looked for only among events with a delivery still to go (few, read from the
 * deliveries' status index), so "On its way", "Waiting" and "Waits: paused" read no other event.
 */
export function statusFilter(
  status: EventFilterStatus | undefined,
  destinationId: string | undefined,
  allPaused: boolean,
): { clause: string; args: string[] } | null {
  if (destinationId && status && (deliveryFilterStatuses as readonly string[]).includes(status))
    return {
      clause: `e.seq IN (SELECT d.event_seq FROM deliveries d JOIN destinations t ON t.id = d.destination_id
        WHERE d.destination_id = ? AND ${deliveryState(status, allPaused)})`,
      args: [destinationId],
    };
  const there = destinationId
    ? { clause: 'e.seq IN (SELECT event_seq FROM deliveries WHERE destination_id = ?)', args: [destinationId] }
    : null;
  const own = status ? eventState(status, allPaused) : null;
  if (!own) return there;
  return there ? { clause: `${there.clause} AND ${own.clause}`, args: [...there.args, ...own.args] } : own;
}

/** The delivery `d` (of destination `t`) is in the state the filter names. */
function deliveryState(status: EventFilterStatus, allPaused: boolean): string {
  const { onItsWay, forResume } = deliveryWaits(allPaused);
  switch (status) {
    case 'pending':
      return `d.status IN ${OPEN} AND ${onItsWay}`;
    case 'waiting':
      return `d.status IN ${OPEN} AND NOT ${onItsWay} AND NOT ${forResume}`;
    case 'waitsPaused':
      return `d.status IN ${OPEN} AND ${forResume}`;
    default:
      return `d.status = '${status}'`;
  }
}

/** The event is what the filter names, as its badge says it (`failed` and `discarded`: at any destination). */
function eventState(status: EventFilterStatus, allPaused: boolean): { clause: string; args: string[] } {
  const open = `e.seq IN (SELECT event_seq FROM deliveries WHERE status IN ${OPEN})`;
  const waits = eventWaits(allPaused);
  switch (status) {
    case 'pending':
      return { clause: `${open} AND (${waits}) IS NULL`, args: [] };
    case 'waiting':
      return { clause: `${open} AND (${waits}) = 'behind'`, args: [] };
    case 'waitsPaused':
      return { clause: `${open} AND (${waits}) = 'paused'`, args: [] };
    case 'partlyDelivered':
      return { clause: `e.status = 'failed' AND ${countedAs('e.')} = ?`, args: [status] };
    case 'partlyDiscarded':
      return { clause: `e.status = 'discarded' AND ${countedAs('e.')} = ?`, args: [status] };
    default:
      return { clause: 'e.status = ?', args: [status] };
  }
}
