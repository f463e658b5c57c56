/**
 * Counts hits per key in fixed windows; a key's window starts at its first hit.
 * The intake counts verified requests per source, failed verifications per
 * client address, and refusals written down per source with it (and, weighed
 * in bytes, what those refusals keep).
 */
export class WindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly windowMs: number,
    /** Past this many keys (a flood from many addresses) ended windows are forgotten, then all. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one hit: how many the key has had in its window, this one included, and when the window ends. */
  hit(key: string, now = Date.now()): { count: number; resetInMs: number } {
    return this.add(key, 1, now);
  }

  /** Counts a hit that weighs `amount`: the key's total in its window, this one included, and when the window ends. */
  add(key: string, amount: number, now = Date.now()): { count: number; resetInMs: number } {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size >= this.maxKeys) this.forgetEnded(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += amount;
    return { count: window.count, resetInMs: window.start + this.windowMs - now };
  }

  private forgetEnded(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
