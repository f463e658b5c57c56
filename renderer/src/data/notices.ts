import { useCallback, useState } from 'react';
import type { Reason } from '../../../main/api/contract';
import type { Said } from '../context';

/** One of the engine's notices on screen: each current problem has its own, until it is no longer true or closed. */
export interface ShownNotice {
  key: string;
  said: Said;
  tone: 'info' | 'error';
}

/**
 * What makes two notices the same problem, the later one standing for the earlier: a second destination failing is a
 * second problem, shown beside the first. Of one destination's failed events only the latest is named (the count
 * beside it says how many wait in all).
 */
export function noticeKey({ code, params }: Reason): string {
  if (code === 'notice.eventFailed') return `${code}:${String(params.destinationId ?? params.destination)}`;
  if (params.destinationId !== undefined) return `${code}:${String(params.destinationId)}`;
  return `${code}:${JSON.stringify(params)}`;
}

export interface Notices {
  shown: ShownNotice[];
  /** Shows a notice, in place of the one of the same problem if there is one. */
  show: (said: Said, tone: 'info' | 'error') => void;
  /** Takes down the notices of `code` that are no longer true: of one destination (by id), or all of them. */
  unsay: (code: string, destinationId?: string) => void;
  /**
   * The event a failure notice names was resent and went through (to the destination of `destinationId`, or to
   * all): the notice goes. Kept to say only the count left, it showed up as a new red box when a failing line that had
   * folded it in went away, announcing that count just as it went down.
   */
  leftFailed: (eventId: string, destinationId?: string) => void;
  close: (key: string) => void;
}

export function useNotices(): Notices {
  const [shown, setShown] = useState<ShownNotice[]>([]);
  const show = useCallback((said: Said, tone: 'info' | 'error') => {
    const key = noticeKey(said.reason);
    setShown((list) =>
      list.some((notice) => notice.key === key)
        ? list.map((notice) => (notice.key === key ? { key, said, tone } : notice))
        : [...list, { key, said, tone }],
    );
  }, []);
  const unsay = useCallback(
    (code: string, destinationId?: string) =>
      setShown((list) => {
        const kept = list.filter(
          ({ said: { reason } }) =>
            reason.code !== code || (destinationId !== undefined && reason.params.destinationId !== destinationId),
        );
        return kept.length === list.length ? list : kept;
      }),
    [],
  );
  const leftFailed = useCallback(
    (eventId: string, destinationId?: string) =>
      setShown((list) => {
        const names = ({ said: { reason } }: ShownNotice) =>
          reason.code === 'notice.eventFailed' &&
          reason.params.eventId === eventId &&
          (destinationId === undefined || reason.params.destinationId === destinationId);
        // Every delivery passes here: an unchanged list keeps the banners from drawing again.
        return list.some(names) ? list.filter((notice) => !names(notice)) : list;
      }),
    [],
  );
  const close = useCallback((key: string) => setShown((list) => list.filter((notice) => notice.key !== key)), []);
  return { shown, show, unsay, leftFailed, close };
}
