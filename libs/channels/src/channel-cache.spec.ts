import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TenantTx } from '@app/database';
import { ChannelCache } from './channel-cache.js';

describe('ChannelCache', () => {
  let cache: ChannelCache;
  const channelId = randomUUID();

  beforeEach(() => {
    vi.useFakeTimers();
    cache = new ChannelCache({ CHANNEL_CACHE_SECONDS: 30 });
  });
  afterEach(() => vi.useRealTimers());

  it('serves an entry until CHANNEL_CACHE_SECONDS have passed, per kind of fact', () => {
    cache.set('route', channelId, { tenantId: 't' });
    expect(cache.get('route', channelId)).toEqual({ tenantId: 't' });
    expect(cache.get('sms', channelId)).toBeUndefined();
    vi.advanceTimersByTime(29_999);
    expect(cache.get('route', channelId)).toEqual({ tenantId: 't' });
    vi.advanceTimersByTime(1);
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
});
