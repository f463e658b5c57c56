/**
 * The day's events, each counted once by what happened to it, so the figures add up to what came in. An order
 * delivered to one destination and failed at another is "delivered in part", not "failed": counted as failed, the
 * line read "Delivered 0" while orders had gone out. Their names are the day line's own (`overview.todayName`), so its
 * "failed everywhere" does not read as the menu's Failed, which counts both. In this order wherever they are shown:
 * the Overview's figures, and its chart's bars and legend beside them.
 */
export const DAY_OUTCOMES = ['delivered', 'partlyDelivered', 'pending', 'failed', 'received', 'rejected'] as const;

/** Shown among the figures only when there are some. */
export const DAY_OUTCOMES_IF_ANY = ['discarded', 'skipped'] as const;
