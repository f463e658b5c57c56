import type { TFunction } from 'i18next';
import type { DestinationStats } from '../../../main/api/contract';

/**
 * The question before a destination is deleted, with how many events it gives up there (the card's figures): to
 * be sent, and in Failed. Figures not read yet, it says so without a number rather than a false none.
 */
export function deleteQuestion(
  name: string,
  open: Pick<DestinationStats, 'backlog' | 'failed'> | undefined,
  t: TFunction,
): string {
  if (!open) return t('destinations.confirmDeleteUnknown', { name });
  const parts = [
    ...(open.backlog > 0 ? [t('destinations.confirmDeleteWaiting', { count: open.backlog })] : []),
    ...(open.failed > 0 ? [t('destinations.confirmDeleteFailed', { count: open.failed })] : []),
  ];
  if (parts.length === 0) return t('destinations.confirmDeleteNone', { name });
  return t('destinations.confirmDelete', { name, what: parts.join(t('destinations.confirmDeleteAnd')) });
}
