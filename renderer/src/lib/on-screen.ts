import { useEffect, useSyncExternalStore } from 'react';

/**
 * A set of destinations something of theirs is on screen for (a card, a banner), kept current as those come and go,
 * so one part of the page can leave to another what that one already says.
 */
export function onScreenTracker() {
  const onScreen = new Map<string, number>();
  const listeners = new Set<() => void>();
  let version = 0;
  const changed = () => {
    version++;
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    /** Counts the calling component as on screen for the destination while it is mounted. */
    useOnScreen: (destinationId: string): void => {
      useEffect(() => {
        onScreen.set(destinationId, (onScreen.get(destinationId) ?? 0) + 1);
        changed();
        return () => {
          const left = (onScreen.get(destinationId) ?? 1) - 1;
          if (left === 0) onScreen.delete(destinationId);
          else onScreen.set(destinationId, left);
          changed();
        };
      }, [destinationId]);
    },
    /** Whether something of a destination is on screen, asked of as many as the caller likes; a change draws it again. */
    useIsOnScreen: (): ((destinationId: string | undefined) => boolean) => {
      useSyncExternalStore(subscribe, () => version);
      return (destinationId) => destinationId !== undefined && onScreen.has(destinationId);
    },
  };
}
