import type { Stats, StreamMessage } from '../api/contract.js';

export interface Notice {
  title: string;
  body: string;
}

const text = {
  en: {
    failingTitle: (name: string) => `“${name}” is not taking events`,
    failingBody: (error: string | null) =>
      `${error ?? 'Several tries in a row failed.'} Hookferry keeps every event and tries again; open it to see why.`,
    failedTitle: (n: number) => (n === 1 ? 'An event could not be delivered' : `${n} events could not be delivered`),
    failedBody: (names: string) => `Every try to ${names} failed. Open Hookferry and choose Failed to resend.`,
  },
  vi: {
    failingTitle: (name: string) => `“${name}” không nhận sự kiện`,
    failingBody: (error: string | null) =>
      `${error ?? 'Nhiều lần thử liên tiếp không thành công.'} Hookferry giữ mọi sự kiện và sẽ thử lại; mở ứng dụng để xem lý do.`,
    failedTitle: (n: number) => (n === 1 ? 'Một sự kiện không gửi được' : `${n} sự kiện không gửi được`),
    failedBody: (names: string) => `Mọi lần gửi đến ${names} đều lỗi. Mở Hookferry, chọn Lỗi để gửi lại.`,
  },
};

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
    private readonly language: () => 'en' | 'vi',
    private readonly windowMs = 10_000,
  ) {}

  stats(stats: Stats): void {
    const t = text[this.language()];
    const now = new Set(
      stats.destinations.filter((destination) => destination.health === 'failing').map((destination) => destination.id),
    );
    // A destination already failing when the app starts was reported before; the first figures only set the baseline.
    if (!this.firstStats) {
      for (const destination of stats.destinations) {
        if (now.has(destination.id) && !this.failing.has(destination.id))
          this.notify({ title: t.failingTitle(destination.name), body: t.failingBody(destination.lastError) });
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

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    const t = text[this.language()];
    this.notify({
      title: t.failedTitle(this.failedCount),
      body: t.failedBody([...this.failedAt].map((name) => `“${name}”`).join(', ')),
    });
    this.failedCount = 0;
    this.failedAt.clear();
    this.timer = null;
  }
}
