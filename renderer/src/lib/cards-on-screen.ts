import { useEffect, useSyncExternalStore } from 'react';

/**
 * The destinations whose card is on screen now: a banner may say "its card below says why" only of these (the
 * destination's editor takes the card's place on Destinations, and most pages have no cards).
 */
const onScreen = new Map<string, number>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version++;
  for (const listener of listeners) listener();
}

/** Counts the calling card as on screen while it is mounted. */
export function useCardOnScreen(destinationId: string): void {
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
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whether the destination's card is on screen, kept current as cards come and go. */
export function useCardIsOnScreen(destinationId: string | undefined): boolean {
  useSyncExternalStore(subscribe, () => version);
  return destinationId !== undefined && onScreen.has(destinationId);
}

/** The element id of a destination's card, for a banner to bring it into view. */
export const cardId = (destinationId: string) => `destination-card-${destinationId}`;

export const cardOf = (destinationId: string) => document.getElementById(cardId(destinationId));
