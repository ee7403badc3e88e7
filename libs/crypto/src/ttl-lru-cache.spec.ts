import { describe, expect, it } from 'vitest';
import { TtlLruCache } from './ttl-lru-cache.js';

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TtlLruCache', () => {
  it('expires an entry once its time is up, even if it was used meanwhile', () => {
    const clock = fakeClock();
    const cache = new TtlLruCache<string, number>(1000, 10, clock.now);
    cache.set('a', 1);
    clock.advance(600);
    expect(cache.get('a')).toBe(1);
    clock.advance(399);
    expect(cache.get('a')).toBe(1);
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('spreads expiry over the last `jitter` fraction of the ttl, so entries stored together do not expire together', () => {
    const clock = fakeClock();
    const draws = [0, 0.5, 0.999];
    const cache = new TtlLruCache<string, number>(1000, 10, clock.now, {
      jitter: 0.2,
      random: () => draws.shift()!,
    });
    cache.set('a', 1); // lives 1000 ms
    cache.set('b', 2); // 900 ms
    cache.set('c', 3); // 800.2 ms
    clock.advance(800);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, 2, 3]);
    clock.advance(1);
    expect(cache.get('c')).toBeUndefined();
    clock.advance(99);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    clock.advance(100);
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses a jitter outside [0, 1)', () => {
    expect(() => new TtlLruCache(1000, 10, Date.now, { jitter: 1 })).toThrow();
    expect(() => new TtlLruCache(1000, 10, Date.now, { jitter: -0.1 })).toThrow();
  });

  it('restarts the time when an entry is stored again', () => {
    const clock = fakeClock();
    const cache = new TtlLruCache<string, number>(1000, 10, clock.now);
    cache.set('a', 1);
    clock.advance(900);
    cache.set('a', 2);
    clock.advance(900);
    expect(cache.get('a')).toBe(2);
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const cache = new TtlLruCache<string, number>(60_000, 3, fakeClock().now);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('d', 4);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
  });

  it('drops an entry not used since the last eviction passed it; a used one gets a second chance, the one just stored never goes', () => {
    const cache = new TtlLruCache<string, number>(60_000, 3, fakeClock().now);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    for (const key of ['a', 'b', 'c']) cache.get(key);
    // Every entry used: each loses its mark in turn and the oldest stored goes, never 'd'.
    cache.set('d', 4);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.get('d')]).toEqual([undefined, 2, 3, 4]);
    // b, c and d were just used: e pushes out the oldest of them (b), passing c and d over.
    cache.set('e', 5);
    expect(cache.size).toBe(3);
    // Not used since they were passed over: f pushes out c, the oldest.
    cache.set('f', 6);
    expect([cache.get('b'), cache.get('c'), cache.get('d'), cache.get('e'), cache.get('f')]).toEqual([
      undefined,
      undefined,
      4,
      5,
      6,
    ]);
  });

  it('a cache of one keeps the entry just stored', () => {
    const cache = new TtlLruCache<string, number>(60_000, 1, fakeClock().now);
    cache.set('a', 1);
    cache.get('a');
    cache.set('b', 2);
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, 2]);
  });

  it('deletes and clears', () => {
    const cache = new TtlLruCache<string, number>(60_000, 3, fakeClock().now);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
