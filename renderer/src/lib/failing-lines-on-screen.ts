import { onScreenTracker } from './on-screen';

/**
 * The destinations whose failing banner has its own line on screen now: a notice that one of their events failed
 * would say that line's reason and count again, so the line names the event instead (App's NoticeList).
 */
const lines = onScreenTracker();

/** Counts the calling banner line as on screen while it is mounted. */
export const useFailingLineOnScreen = lines.useOnScreen;

/** Whether a destination's failing banner has its line on screen, asked of each notice. */
export const useFailingLineIsOnScreen = lines.useIsOnScreen;
