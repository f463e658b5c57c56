import { useTranslation } from 'react-i18next';
import type { HeldBy, Stats } from '../../../main/api/contract';
import { pausedWait, quotedNames } from '../../../main/api/paused-wait';

/** What waits for a pause rather than being on its way, and what to resume for it to go. */
export function useHeldSentence() {
  const { t } = useTranslation();
  return (stats: Stats) => {
    const { count, resumeAll, names } = pausedWait(stats);
    if (resumeAll) return t('failed.waitAllPaused', { count });
    const key = names.length === 1 ? 'failed.waitPausedDestination' : 'failed.waitPausedDestinations';
    return t(key, { count, names: quotedNames(names) });
  };
}

/**
 * Everything on its way only waits for a pause (none sending, none to retry): the Live log's badge and the Overview's
 * "on its way" figure then say "waits: paused", not "sending", of what is not being sent.
 */
export function onlyHeldByPause(stats: Stats | undefined): stats is Stats {
  return (
    stats !== undefined &&
    stats.deliveries.waitingForPaused > 0 &&
    stats.deliveries.pending + stats.deliveries.retrying + stats.deliveries.delivering === 0
  );
}

/**
 * What an event in an ordered line waits behind, on a destination's card (`overview`) or in the drawer (`drawer`):
 * behind a failed event nothing moves until the merchant acts on it, said with what to do. `paused`: the destination
 * is paused, so the event ahead waits for the resume too, not "on its way".
 */
export function useHeldByText(where: 'overview' | 'drawer') {
  const { t } = useTranslation();
  return ({ label, status }: HeldBy, paused = false) =>
    status === 'failed'
      ? t(`${where}.heldByFailed`, { label })
      : t(`${where}.heldBy`, {
          label,
          status: (paused && status !== 'delivering' ? t('log.waitsPaused') : t(`status.${status}`)).toLowerCase(),
        });
}
