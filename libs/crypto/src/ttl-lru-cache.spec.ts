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
