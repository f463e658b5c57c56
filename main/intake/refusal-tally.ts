/**
 * Writes down refusals that come in floods (connections past the cap, requests
 * cut off for being slow) at most once per key and window, with how many there
 * were: the first at once, the rest of a window in one entry when it ends. A
 * flood therefore costs the live log one entry a minute per address, and past
 * `maxKeys` addresses in a window the others go unrecorded.
 */
export class RefusalTally {
  private readonly windows = new Map<string, { more: number; write: (count: number) => void }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 100,
  ) {}

  /** Counts one refusal; `write` records `count` of them (the newest `write` of a window is the one used). */
  count(key: string, write: (count: number) => void): void {
    const window = this.windows.get(key);
    if (window) {
      window.more += 1;
      window.write = write;
      return;
    }
    if (this.windows.size >= this.maxKeys) return;
    write(1);
    this.open(key, write);
  }

  private open(key: string, write: (count: number) => void): void {
    const window = { more: 0, write };
    this.windows.set(key, window);
    setTimeout(() => {
      this.windows.delete(key);
      if (window.more === 0) return;
      window.write(window.more);
      // Still coming: the next window starts now, so a steady flood is one entry per window.
      this.open(key, window.write);
    }, this.windowMs).unref();
  }
}
