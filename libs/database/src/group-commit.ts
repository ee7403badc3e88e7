interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for a write path that many requests take at once (webhooks): while a batch of
 * one key (a practice) is being written, the items submitted for that key wait, then go together
 * as the next batch. Under load one transaction carries many items; an item alone pays one
 * transaction and, unless `lingerMs` is set, no timer. One batch in flight per key keeps a key's
 * items in submission order within this process. A failed batch fails each of its items (their
 * callers answer 5xx and the provider retries); the next batch is tried regardless.
 */
export class GroupCommit<T, R> {
  private readonly waiting = new Map<string, Array<Waiting<T, R>>>();

  /**
   * `write` returns one result per item, in the batch's order. `lingerMs`: the first item of an
   * idle key waits this long for others to join it (for writes nobody waits on, such as status
   * callbacks, whose arrivals are spread out: fewer, fuller transactions).
   */
  constructor(
    private readonly write: (key: string, batch: T[]) => Promise<R[]>,
    private readonly maxBatch: number,
    private readonly lingerMs = 0,
  ) {}

  /** Resolves with the item's result once its batch has committed. */
  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting = this.waiting.get(key);
      if (waiting) return void waiting.push({ item, resolve, reject });
      this.waiting.set(key, [{ item, resolve, reject }]);
      if (this.lingerMs > 0) setTimeout(() => void this.flush(key), this.lingerMs);
      else void this.flush(key);
    });
  }

  /** Writes what waits for this key, batch by batch, until nothing does. */
  private async flush(key: string): Promise<void> {
    for (let batch = this.next(key); batch.length > 0; batch = this.next(key)) {
      try {
        const results = await this.write(
          key,
          batch.map((w) => w.item),
        );
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.waiting.delete(key);
  }

  private next(key: string): Array<Waiting<T, R>> {
    return this.waiting.get(key)!.splice(0, this.maxBatch);
  }
}
