import { onScreenTracker } from './on-screen';

/**
 * The destinations whose card is on screen now: a banner may say "its card below says why" only of these (the
 * destination's editor takes the card's place on Destinations, and most pages have no cards).
 */
const cards = onScreenTracker();

/** Counts the calling card as on screen while it is mounted. */
export const useCardOnScreen = cards.useOnScreen;

/** Whether the destination's card is on screen, kept current as cards come and go. */
export const useCardIsOnScreen = (destinationId: string | undefined): boolean => cards.useIsOnScreen()(destinationId);

/** The element id of a destination's card, for a banner to bring it into view. */
export const cardId = (destinationId: string) => `destination-card-${destinationId}`;

export const cardOf = (destinationId: string) => document.getElementById(cardId(destinationId));
