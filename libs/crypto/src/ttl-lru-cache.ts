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
 * not, or up to `jitter` of it sooner) and by size: when full, a least recently used entry goes
 * first, as a second-chance (CLOCK) approximation of LRU. A hit only marks its entry used; the
 * eviction walks from the oldest stored entry, moving a used one to the back (unmarked) and
 * dropping the first unused one. Re-inserting on every hit instead (delete + set) makes V8 rebuild
 * the whole Map's table again and again when one key is hot among thousands: about 30 µs a hit at
 * 10,000 entries, one busy practice among many cached.
 */
export class TtlLruCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number; used: boolean }>();

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
    entry.used = true;
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    const { jitter, random = Math.random } = this.spread;
    const life = jitter === 0 ? this.ttlMs : this.ttlMs * (1 - jitter * random());
    this.entries.set(key, { value, expiresAt: this.clock() + life, used: false });
    // Ends within two passes: each used entry passed over loses its mark.
    while (this.entries.size > this.maxEntries) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      // The entry just stored is not the one to go; a used one gets a second chance.
      if (oldestKey === key || oldest.used) {
        oldest.used = false;
        this.entries.set(oldestKey, oldest);
      }
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
