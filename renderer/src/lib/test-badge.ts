import type { TFunction } from 'i18next';
import { testStatusKey } from '../../../main/i18n/test-status';

/** A test event's badge says "test" whichever way it went (see testStatusKey); other events keep their status's word. */
export function testBadge(event: { test: boolean; status: string }, t: TFunction): { label?: string } {
  const key = testStatusKey(event);
  return key ? { label: t(key) } : {};
}
