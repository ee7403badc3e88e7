/** Milliseconds since the epoch; injectable so expiry can be tested without waiting. */
export type Clock = () => number;

/**
 * `jitter`: a fraction of the ttl by which each entry's life is shortened at random, so
 * entries filled together (a warm-up, a restart) do not all expire in the same second and
 * send one wave of reloads to the database.
 */
export interface TtlJitter {
  jitter: number;
  /** [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * A small map bounded by age (entries expire `ttlMs` after they were stored, whether used or
 * not, or up to `jitter` of it sooner) and by size (the least recently used entry goes first).
 * Map iteration order is insertion order, so re-inserting on read keeps the oldest-used entry
 * first.
 */
export class TtlLruCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly clock: Clock = Date.now,
    private readonly spread: TtlJitter = { jitter: 0 },
  ) {
    if (ttlMs <= 0 || maxEntries <= 0) throw new Error('TtlLruCache needs a positive ttl and size');
    if (!(spread.jitter >= 0 && spread.jitter < 1)) throw new Error('TtlLruCache jitter must be in [0, 1)');
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    const { jitter, random = Math.random } = this.spread;
    const life = jitter === 0 ? this.ttlMs : this.ttlMs * (1 - jitter * random());
    this.entries.set(key, { value, expiresAt: this.clock() + life });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
