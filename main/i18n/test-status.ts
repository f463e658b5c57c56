/**
 * The word for a test event's status, whichever way it went, for the live log, the drawer and the spreadsheet
 * alike: a failed test is put aside as discarded (never a failed order, and no order dropped), and one that went
 * through is no order delivered. Null for any other event or status: its status's own word.
 */
export function testStatusKey(event: { test: boolean; status: string }): 'log.testFailed' | 'log.testDelivered' | null {
  if (!event.test) return null;
  if (event.status === 'discarded') return 'log.testFailed';
  if (event.status === 'delivered') return 'log.testDelivered';
  return null;
}
