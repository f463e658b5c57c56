/**
 * What became of the day's events, each counted once, so the figures add up to what was received. An order
 * delivered to one destination and failed at another is "delivered in part", not "failed": counted as failed, the
 * line read "Delivered 0" while orders had gone out. Their names are the day line's own (`overview.todayName`), so its
 * "failed everywhere" does not read as the menu's Failed, which counts both. In this order wherever they are shown:
 * the Overview's figures, and its chart's bars and legend beside them.
 */
export const DAY_OUTCOMES = ['delivered', 'partlyDelivered', 'pending', 'failed', 'received'] as const;

/**
 * Shown among the figures only when there are some. An event delivered to some destinations and discarded at the
 * others is counted apart from "discarded" (which went nowhere): the shopkeeper read "discarded" as "this order went
 * nowhere" beside a delivery that had gone through.
 */
export const DAY_OUTCOMES_IF_ANY = ['partlyDiscarded', 'discarded', 'skipped'] as const;

/**
 * Requests refused at the door: no event received (see dayReceived), so counted apart from the figures above and
 * after them, in the chart too.
 */
export const DAY_REFUSED = 'rejected' as const;
