import { type QueryClient, type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { FailedView } from '../../../main/api/contract';

/** The Failed page's answer, and when it was read. */
export interface FailedViewRead {
  view: FailedView;
  at: number;
}

/** Per dashboard (its query client): the Failed page's latest answer, kept past the page's query. */
const latest = new WeakMap<QueryClient, FailedViewRead>();

/**
 * What the Failed page shows: its answer, or, when it cannot read one (the engine does not answer), the last it read
 * on an earlier visit. Its query is dropped once the page is left (see failedViewQuery), so the page opened again
 * while the engine was down was empty, the menu still counting 2; an answer from an earlier visit is not shown while
 * a new one is on its way, only in place of one that could not be read.
 */
export function useFailedViewShown(query: UseQueryResult<FailedView>): FailedViewRead | undefined {
  const client = useQueryClient();
  const { data, dataUpdatedAt, isPlaceholderData, isError } = query;
  useEffect(() => {
    if (data && !isPlaceholderData) latest.set(client, { view: data, at: dataUpdatedAt });
  }, [client, data, dataUpdatedAt, isPlaceholderData]);
  if (data) return { view: data, at: dataUpdatedAt };
  return isError ? latest.get(client) : undefined;
}
