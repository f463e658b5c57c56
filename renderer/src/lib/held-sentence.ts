import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../main/api/contract';
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
