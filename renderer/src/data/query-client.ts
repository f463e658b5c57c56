import { QueryClient } from '@tanstack/react-query';
import { ApiCallError } from '../../../main/api/client';

/** Another try helps a dropped connection or a busy engine, not a refused request (a stale token, a bad filter). */
function worthRetrying(failures: number, error: Error): boolean {
  return failures < 2 && !(error instanceof ApiCallError && error.status < 500);
}

/**
 * The dashboard's one cache. The live stream keeps it current (data/live-cache.ts), so focus and
 * remounts need not refetch what was read a moment ago.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 5_000, refetchOnWindowFocus: false, retry: worthRetrying },
    },
  });
}
