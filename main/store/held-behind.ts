/**
 * Whether the event `e` is on its way only in ordered lines, behind another event (see `EventListItem.heldBehind`):
 * it has a delivery still to go, and each one is to an ordered destination whose line holds an earlier event (pending,
 * retrying or failed: the line's head is not it) and is not on the wire. 0 or 1, as SQL; read for a page of the live
 * log (an event not pending is not looked at).
 */
export const HELD_BEHIND = `CASE WHEN e.status != 'pending' THEN 0 ELSE
  EXISTS (SELECT 1 FROM deliveries d WHERE d.event_seq = e.seq AND d.status IN ('pending', 'retrying'))
  AND NOT EXISTS (
    SELECT 1 FROM deliveries d JOIN destinations t ON t.id = d.destination_id
    WHERE d.event_seq = e.seq AND d.status IN ('pending', 'retrying')
      AND (d.sending_since IS NOT NULL OR coalesce(json_extract(t.config, '$.ordered'), 0) = 0 OR NOT EXISTS (
        SELECT 1 FROM deliveries h WHERE h.destination_id = d.destination_id
          AND h.status IN ('pending', 'retrying', 'failed') AND h.event_seq < d.event_seq)))
  END`;
