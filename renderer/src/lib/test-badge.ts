import type { TFunction } from 'i18next';

/**
 * A test event's badge says "test" whichever way it went: a failed test is put aside as discarded (never a failed
 * order, and no order dropped), and one that went through read as an order delivered beside the failed one's
 * "Test failed". Other events keep their status's own word.
 */
export function testBadge({ test, status }: { test: boolean; status: string }, t: TFunction): { label?: string } {
  if (!test) return {};
  if (status === 'discarded') return { label: t('log.testFailed') };
  if (status === 'delivered') return { label: t('log.testDelivered') };
  return {};
}
