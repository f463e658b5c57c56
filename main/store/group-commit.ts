/**
 * Group commit: every item submitted during one turn of the event loop is
 * written in a single transaction, so one fsync acknowledges them all. A batch
 * is capped so that a flood cannot build one huge transaction; an overflowing
 * batch is committed at once and the rest wait for the next turn.
 *
 * When a batch's commit fails, its items are committed one by one, so only
 * the item that cannot be stored fails (a row too big for the space left, a
 * constraint) and the innocent rows of its batch are kept.
 *
 * With a window, the batch gathers for that many milliseconds instead: for
 * writes nobody is waiting on (delivery results), fewer and larger commits
 * leave more of the event loop and the disk to intake.
 */
export class GroupCommitter<Item, Result> {
  private queue: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly commit: (items: Item[]) => Result[],
    private readonly maxBatch = 256,
    private readonly windowMs = 0,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        if (this.windowMs > 0) setTimeout(() => this.flush(), this.windowMs);
        else setImmediate(() => this.flush());
      }
    });
  }

  private commitAlone(entry: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }) {
    try {
      entry.resolve(this.commit([entry.item])[0]!);
    } catch (error) {
      entry.reject(error);
    }
  }

  /** Commits what is waiting now; also called on shutdown. */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      let results: Result[];
      try {
        results = this.commit(batch.map((entry) => entry.item));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        // One bad row must not fail the others that happened to share its commit: each is tried alone.
        else for (const entry of batch) this.commitAlone(entry);
        continue;
      }
      batch.forEach((entry, index) => entry.resolve(results[index]!));
    }
  }
}
