import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisKeys } from '@app/redis';
import { type CachedSession, type CachedUser, SessionCache } from './session-cache.js';

// The per-request admission check, against real Redis: one script decides idle/expired and slides.
describe('SessionCache', () => {
  let redis: Redis;
  let cache: SessionCache;
  const keys = new RedisKeys({ REDIS_PREFIX: process.env.REDIS_PREFIX! });
  const T0 = 1_800_000_000_000;
  const user: CachedUser = {
    active: true,
    tokenVersion: 3,
    role: 'provider',
    mfaEnabled: false,
    practiceRequiresMfa: true,
  };
  const session = (over: Partial<CachedSession> = {}): CachedSession => ({
    userId: randomUUID(),
    tenantId: randomUUID(),
    seenAt: T0,
    idleMs: 15 * 60_000,
    expiresAt: T0 + 12 * 3600_000,
    mfa: 'not_required',
    dbSeenAt: T0,
    ...over,
  });

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL!);
    cache = new SessionCache(redis, keys);
  });
  afterAll(() => redis.quit());

  it('admits and slides the last activity forward', async () => {
    const [sid, s] = [randomUUID(), session()];
    await cache.put(sid, s, s.userId, user);
    const r = await cache.check(s.tenantId, sid, s.userId, T0 + 10 * 60_000);
    expect(r).toEqual({ status: 'ok', session: { ...s, seenAt: T0 + 10 * 60_000 }, user });
    // 20 minutes after the start but 10 after the last activity: still fine.
    expect((await cache.check(s.tenantId, sid, s.userId, T0 + 20 * 60_000)).status).toBe('ok');
    expect(await cache.seenAt(s.tenantId, sid)).toBe(T0 + 20 * 60_000);
  });

  it('reports idle past the timeout and never slides an idle session back to life', async () => {
    const [sid, s] = [randomUUID(), session()];
    await cache.put(sid, s, s.userId, user);
    expect((await cache.check(s.tenantId, sid, s.userId, T0 + 15 * 60_000 + 1)).status).toBe('idle');
    expect((await cache.check(s.tenantId, sid, s.userId, T0 + 15 * 60_000 + 2)).status).toBe('idle');
  });

  it('reports expired past the absolute lifetime however active', async () => {
    const [sid, s] = [randomUUID(), session({ expiresAt: T0 + 60_000 })];
    await cache.put(sid, s, s.userId, user);
    expect((await cache.check(s.tenantId, sid, s.userId, T0 + 60_000)).status).toBe('expired');
  });

  it('misses when either the session or the user is not cached, and after forget', async () => {
    const [sid, s] = [randomUUID(), session()];
    expect((await cache.check(s.tenantId, sid, s.userId, T0)).status).toBe('miss');
    await cache.put(sid, s, s.userId, user);
    await cache.forget(s.tenantId, { userIds: [s.userId] });
    expect((await cache.check(s.tenantId, sid, s.userId, T0)).status).toBe('miss');
    await cache.put(sid, s, s.userId, user);
    await cache.forget(s.tenantId, { sessionIds: [sid] });
    expect((await cache.check(s.tenantId, sid, s.userId, T0)).status).toBe('miss');
  });

  it('misses a user entry cached before it carried the practice MFA policy (it is reloaded)', async () => {
    const [sid, s] = [randomUUID(), session()];
    await cache.put(sid, s, s.userId, user);
    await redis.hdel(keys.key('user', keys.tag(s.tenantId), s.userId), 'mfaall');
    expect((await cache.check(s.tenantId, sid, s.userId, T0)).status).toBe('miss');
  });

  it('applies a new idle timeout only to sessions still cached', async () => {
    const [sid, gone, s] = [randomUUID(), randomUUID(), session()];
    await cache.put(sid, s, s.userId, user);
    await cache.setIdle(s.tenantId, [sid, gone], 5 * 60_000);
    expect((await cache.check(s.tenantId, sid, s.userId, T0 + 6 * 60_000)).status).toBe('idle');
    // No half-made entry for a session that was not cached (it would never be admitted anyway).
    expect(await redis.exists(keys.key('session', keys.tag(s.tenantId), gone))).toBe(0);
  });
});
