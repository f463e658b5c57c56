import type { Stats, StreamMessage } from '../api/contract.js';
import type { Language } from '../i18n/resources.js';
import { reasonText } from '../i18n/reason-text.js';
import { translatorFor } from '../i18n/translator.js';

export interface Notice {
  title: string;
  body: string;
}

/**
 * Decides the desktop notifications: one when a destination starts failing
 * (not while it stays failing), and for events that failed for good one
 * message per window (10 s from the first), however many there were, so a
 * bad minute is a few messages, not a hundred.
 */
export class Notifier {
  private failing = new Set<string>();
  private firstStats = true;
  private failedCount = 0;
  private failedAt = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly notify: (notice: Notice) => void,
    private readonly language: () => Language,
    private readonly windowMs = 10_000,
  ) {}

  stats(stats: Stats): void {
    const t = translatorFor(this.language());
    const now = new Set(
      stats.destinations.filter((destination) => destination.health === 'failing').map((destination) => destination.id),
    );
    // A destination already failing when the app starts was reported before; the first figures only set the baseline.
    if (!this.firstStats) {
      for (const destination of stats.destinations) {
        if (now.has(destination.id) && !this.failing.has(destination.id))
          this.notify({
            title: t('desktop.failingTitle', { name: destination.name }),
            // "Tries again" only while some of its events wait for another try; otherwise what failed waits for you.
            body: t(destination.backlog > 0 ? 'desktop.failingBody' : 'desktop.failingBodyNothingWaits', {
              why: this.why(destination),
            }),
          });
      }
    }
    this.firstStats = false;
    this.failing = now;
  }

  message(message: StreamMessage): void {
    if (message.type !== 'delivery' || message.delivery.status !== 'failed' || !message.attempt) return;
    this.failedCount++;
    this.failedAt.add(message.delivery.destinationName);
    this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  /** The destination's last error in the chosen language; the engine's English when there are no words for it. */
  private why({ lastError, lastReason }: Stats['destinations'][number]): string {
    const t = translatorFor(this.language());
    return lastError ? reasonText(t, lastReason, lastError) : t('desktop.failingNoReason');
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    const t = translatorFor(this.language());
    this.notify({
      title: t('desktop.failedTitle', { count: this.failedCount }),
      body: t('desktop.failedBody', { names: [...this.failedAt].map((name) => `“${name}”`).join(', ') }),
    });
    this.failedCount = 0;
    this.failedAt.clear();
    this.timer = null;
  }
}
