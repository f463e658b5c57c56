import { notifyManager, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { FailedView, Stats } from '../../../main/api/contract';
import { keys } from './keys';

/**
 * How many events wait in Failed: the one figure the menu's count, the Overview's sentence and the notices' total
 * read. While the Failed page is open it is the page's own answer's, read by the engine with the groups and rows the
 * page shows, and taken in the same notification as the page's (the query cache's, batched with its observers'): the
 * menu's count and the page change in one render. Elsewhere it is the stats'. Before, the menu read the stats and the
 * page its own answer, each arriving in its time: the menu followed the page by up to a second, or went before it.
 */
export function useFailedWaiting(): number | undefined {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const subscribe = useCallback((changed: () => void) => cache.subscribe(notifyManager.batchCalls(changed)), [cache]);
  const read = useCallback(() => {
    const views = cache.findAll({ queryKey: keys.failedViews });
    // The page shows its latest answer while it reads more rows (keepPreviousData): the figure is that answer's too.
    const shown = views.some((query) => query.getObserversCount() > 0)
      ? views
          .filter((query) => query.state.data !== undefined)
          .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)[0]
      : undefined;
    return shown ? (shown.state.data as FailedView).failedEvents : client.getQueryData<Stats>(keys.stats)?.open.failed;
  }, [cache, client]);
  return useSyncExternalStore(subscribe, read);
}
