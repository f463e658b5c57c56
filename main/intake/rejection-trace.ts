/**
 * Keeps a flood of refused requests from turning into a flood of writes: each
 * key (a source, or the unknown-token bucket) gets a few log entries per window;
 * the rest are still refused, just not written down one by one.
 */
export class RejectionTraceLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perWindow = 10,
    private readonly windowMs = 10_000,
  ) {}

  allow(key: string, now = Date.now()): boolean {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.perWindow;
  }
}
