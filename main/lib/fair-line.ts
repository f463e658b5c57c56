/**
 * The jobs waiting for one helper process, taken by whose they are (a destination's id), not by when they came: next
 * is the oldest job of whoever has used the process least, counted in time (fair queueing by time, not by turns).
 *
 * Why by time: the process runs one job at a time, and an expression that loops takes its whole second every time
 * (then half a second for a fresh process). First come, first served, one destination's loop stood before every other
 * destination's jobs, and its backlog grew with each event: the harmless destination beside it was 57 s behind after
 * 40 events, one a second. Turns (one job each in rotation) would still give the loop a second for each few
 * milliseconds of the others, so the harmless one still fell behind. By time, a destination whose jobs take
 * milliseconds goes before one that has just taken seconds, and waits at most for the one job running; the slow one
 * runs whenever nobody cheaper waits, and gets its share of the time when everybody is busy. No count of timeouts
 * to tune: an expression just slower than its limit, 0.9 s every event, is held back the same way.
 *
 * Each one's own jobs keep their order (an ordered destination's events too). A job put `first` (a person's save,
 * a job whose process was ended under it) goes before all.
 */
export class FairLine<Item extends { whose: string }> {
  private readonly first: Item[] = [];
  /** Each one's jobs waiting, oldest first; in the order they began to wait, which settles a tie. */
  private readonly lines = new Map<string, Item[]>();
  /** The time each has used, in ms, where it is more than `clock`: one that used no more is at `clock`. */
  private readonly used = new Map<string, number>();
  /**
   * The time used of the one whose job was taken last. One that comes after waiting for nothing starts from here,
   * not from what it used long ago: idle, it does not save up a right to go before everybody for as long.
   */
  private clock = 0;

  get size(): number {
    let size = this.first.length;
    for (const line of this.lines.values()) size += line.length;
    return size;
  }

  *[Symbol.iterator](): IterableIterator<Item> {
    yield* this.first;
    for (const line of this.lines.values()) yield* line;
  }

  push(item: Item): void {
    const line = this.lines.get(item.whose);
    if (line) line.push(item);
    else this.lines.set(item.whose, [item]);
  }

  putFirst(item: Item): void {
    this.first.unshift(item);
  }

  take(): Item | undefined {
    const first = this.first.shift();
    if (first) return first;
    let next: string | undefined;
    for (const whose of this.lines.keys())
      if (next === undefined || this.usedBy(whose) < this.usedBy(next)) next = whose;
    if (next === undefined) return undefined;
    this.clock = this.usedBy(next);
    const line = this.lines.get(next)!;
    const item = line.shift()!;
    if (line.length === 0) this.lines.delete(next);
    // Who used no more than the clock is at the clock: only those ahead of it are kept, so ids do not pile up.
    for (const [whose, used] of this.used) if (used <= this.clock) this.used.delete(whose);
    return item;
  }

  /** What a job of `whose` took, counted against its next jobs. */
  charge(whose: string, ms: number): void {
    this.used.set(whose, this.usedBy(whose) + ms);
  }

  clear(): Item[] {
    const items = [...this];
    this.first.length = 0;
    this.lines.clear();
    return items;
  }

  private usedBy(whose: string): number {
    return Math.max(this.used.get(whose) ?? this.clock, this.clock);
  }
}
