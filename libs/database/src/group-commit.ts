interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for a write path that many requests take at once (webhooks): while a batch of
 * one key (a practice) is being written, the items submitted for that key wait, then go together
 * as the next batch. Under load one transaction carries many items; an item alone pays one
 * transaction and no timer. One batch in flight per key keeps a key's items in submission order
 * within this process. A failed batch fails each of its items (their callers answer 5xx and
 * the provider retries); the next batch is tried regardless.
 */
export class GroupCommit<T, R> {
  private readonly waiting = new Map<string, Array<Waiting<T, R>>>();

  /** `write` returns one result per item, in the batch's order. */
  constructor(
    private readonly write: (key: string, batch: T[]) => Promise<R[]>,
    private readonly maxBatch: number,
  ) {}

  /** Resolves with the item's result once its batch has committed. */
  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting = this.waiting.get(key);
      if (waiting) return void waiting.push({ item, resolve, reject });
      this.waiting.set(key, []);
      void this.flushFrom(key, [{ item, resolve, reject }]);
    });
  }

  /** Writes `batch`, then whatever arrived meanwhile, until nothing waits for this key. */
  private async flushFrom(key: string, first: Array<Waiting<T, R>>): Promise<void> {
    for (let batch = first; batch.length > 0;) {
      try {
        const results = await this.write(
          key,
          batch.map((w) => w.item),
        );
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
      batch = this.waiting.get(key)!.splice(0, this.maxBatch);
    }
    this.waiting.delete(key);
  }
}
