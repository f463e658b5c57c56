/**
 * What the event `e` waits for, as SQL: 'paused', 'behind' or NULL (see `EventListItem.waitsPaused` and
 * `heldBehind`), read for a page of the live log, one event's drawer, a new event and the spreadsheet. Each
 * delivery still to go is classed as the overview counts it (getStats): on the wire, or due or retrying at a
 * destination that sends now, is on its way; behind a failed head of an ordered line, it waits for that event
 * whether paused or not; otherwise at a paused destination (or with every delivery paused, `allPaused`), it
 * waits for the resume; otherwise behind an earlier event of an ordered line, it waits behind it. The event is
 * NULL when one of its deliveries is on its way or none is still to go, whatever its other deliveries did (a
 * failed order whose only delivery left waits is not on its way); 'paused' when all wait for a resume; else
 * 'behind'. `allPaused` is the settings' flag, written into the SQL as a constant.
 */
export type EventWaits = 'paused' | 'behind' | null;

export function eventWaits(allPaused: boolean): string {
  const { onItsWay, forResume } = deliveryWaits(allPaused);
  const open = `d.event_seq = e.seq AND d.status IN ('pending', 'retrying')`;
  const any = (where: string) =>
    `EXISTS (SELECT 1 FROM deliveries d JOIN destinations t ON t.id = d.destination_id WHERE ${open} AND (${where}))`;
  return `CASE WHEN e.status NOT IN ('pending', 'failed') OR NOT ${any('1')} OR ${any(onItsWay)} THEN NULL
    WHEN ${any(`NOT (${forResume})`)} THEN 'behind' ELSE 'paused' END`;
}

/**
 * Of one delivery still to go, `d` joined to its destination `t`, as SQL (see eventWaits): `onItsWay`, on the wire or
 * sent by itself when due; `forResume`, it waits only for a resume. Neither: it waits behind another event.
 */
export function deliveryWaits(allPaused: boolean): { onItsWay: string; forResume: string } {
  const ordered = `coalesce(json_extract(t.config, '$.ordered'), 0) != 0`;
  const inLine = `h.destination_id = d.destination_id AND h.status IN ('pending', 'retrying', 'failed')`;
  const behind = `EXISTS (SELECT 1 FROM deliveries h WHERE ${inLine} AND h.event_seq < d.event_seq)`;
  const headFailed = `(SELECT h.status FROM deliveries h WHERE ${inLine} ORDER BY h.event_seq LIMIT 1) = 'failed'`;
  const paused = allPaused ? '1' : 't.paused != 0';
  return {
    onItsWay: `(d.sending_since IS NOT NULL OR NOT (${paused} OR (${ordered} AND ${behind})))`,
    forResume: `(d.sending_since IS NULL AND ${paused} AND NOT (${ordered} AND ${headFailed}))`,
  };
}
