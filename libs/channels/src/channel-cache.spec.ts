import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TenantTx } from '@app/database';
import { ChannelCache, MAX_CACHED_CHANNELS } from './channel-cache.js';

describe('ChannelCache', () => {
  let cache: ChannelCache;
  const channelId = randomUUID();

  beforeEach(() => {
    vi.useFakeTimers();
    cache = new ChannelCache({ CHANNEL_CACHE_SECONDS: 30 });
  });
  afterEach(() => vi.useRealTimers());

  it('serves an entry for at least 90% of CHANNEL_CACHE_SECONDS and never past it, per kind of fact', () => {
    cache.set('route', channelId, { tenantId: 't' });
    expect(cache.get('route', channelId)).toEqual({ tenantId: 't' });
    expect(cache.get('sms', channelId)).toBeUndefined();
    vi.advanceTimersByTime(26_999);
    expect(cache.get('route', channelId)).toEqual({ tenantId: 't' });
    vi.advanceTimersByTime(3_001);
    expect(cache.get('route', channelId)).toBeUndefined();
  });

  it('drops every fact of a changed channel at once and again when the change commits', () => {
    const tx = new TenantTx(randomUUID(), {} as pg.ClientBase);
    const other = randomUUID();
    cache.set('route', channelId, 1);
    cache.set('sms', channelId, 2);
    cache.set('route', other, 3);

    cache.invalidateOnCommit(tx, channelId);
    expect(cache.get('route', channelId)).toBeUndefined();
    expect(cache.get('sms', channelId)).toBeUndefined();
    // A concurrent reader may refill it with the row as it was before the commit.
    cache.set('sms', channelId, 'stale');
    tx.committed();
    expect(cache.get('sms', channelId)).toBeUndefined();
    expect(cache.get('route', other)).toBe(3);
  });

  it('keeps both facts of CHANNEL_CACHE_MAX_CHANNELS channels, evicting the least recently used channel', () => {
    const small = new ChannelCache({ CHANNEL_CACHE_SECONDS: 30, CHANNEL_CACHE_MAX_CHANNELS: 100 });
    const ids = Array.from({ length: 101 }, () => randomUUID());
    for (const id of ids.slice(0, 100)) {
      small.set('route', id, `r${id}`);
      small.set('sms', id, `s${id}`);
    }
    expect(
      ids
        .slice(0, 100)
        .every((id) => small.get('route', id) === `r${id}` && small.get('sms', id) === `s${id}`),
    ).toBe(true);
    small.set('route', ids[100]!, 'new');
    small.set('sms', ids[100]!, 'new');
    expect(small.get('route', ids[0]!)).toBeUndefined();
    expect(small.get('sms', ids[0]!)).toBeUndefined();
    expect(small.get('route', ids[1]!)).toBe(`r${ids[1]}`);
  });

  it(`holds ${MAX_CACHED_CHANNELS} channels unless configured: 10,000 channels round-robin all hit`, () => {
    const ids = Array.from({ length: 10_000 }, () => randomUUID());
    for (const id of ids) {
      cache.set('route', id, id);
      cache.set('sms', id, id);
    }
    expect(MAX_CACHED_CHANNELS).toBe(20_000);
    expect(ids.filter((id) => cache.get('route', id) === id && cache.get('sms', id) === id)).toHaveLength(
      10_000,
    );
  });

  it('remembers the practice of a channel past CHANNEL_CACHE_SECONDS and an invalidation, as a hint only', () => {
    cache.set('route', channelId, { tenantId: 't1' }, 't1');
    vi.advanceTimersByTime(30_000);
    expect(cache.get('route', channelId)).toBeUndefined();
    expect(cache.tenantHint(channelId)).toBe('t1');
    cache.invalidateOnCommit(new TenantTx(randomUUID(), {} as pg.ClientBase), channelId);
    expect(cache.tenantHint(channelId)).toBe('t1');
    expect(cache.tenantHint(randomUUID())).toBeUndefined();
  });
});
