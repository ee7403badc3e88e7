import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreConfig } from '@app/config';
import { AppError } from '@app/observability';
import { type RedisClient, RedisKeys, createRedis } from '@app/redis';
import { LiveStreamLimits, type StreamQuota } from './stream-limits.js';

/** Only what the limiter sets on a refusal. */
const response = () => {
  const headers: Record<string, string> = {};
  return {
    headers,
    res: { header: (name: string, value: string) => (headers[name] = value) } as unknown as FastifyReply,
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const quota = (limit = 2): StreamQuota => ({ scope: 'spec', subject: randomUUID(), limit });

async function refusal(
  limits: LiveStreamLimits,
  quotas: StreamQuota[],
): Promise<{ err: AppError; headers: Record<string, string> }> {
  const { res, headers } = response();
  const err = await limits.acquire(res, quotas).then(
    () => expect.unreachable('acquired'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return { err: err as AppError, headers };
}

describe('LiveStreamLimits', () => {
  let redis: RedisClient;
  let keys: RedisKeys;
  const LEASE_MS = 400;

  beforeAll(() => {
    redis = createRedis(process.env.REDIS_URL!, 'stream-limits-spec');
    keys = new RedisKeys({ REDIS_PREFIX: process.env.REDIS_PREFIX! } as CoreConfig);
  });
  afterAll(() => redis.quit());

  /** One api instance: its own limiter over the shared Redis. */
  const instance = () => new LiveStreamLimits(redis, keys, { leaseMs: LEASE_MS });
  it('refuses past the limit with 429 too_many_streams and Retry-After, and takes no slot then', async () => {
    const limits = instance();
    const session = quota(2);
    const address = quota(10);
    await limits.acquire(response().res, [session, address]);
    await limits.acquire(response().res, [session, address]);
    const { err, headers } = await refusal(limits, [session, address]);
    expect(err.getStatus()).toBe(429);
    expect(err.code).toBe('too_many_streams');
    expect(Number(headers['Retry-After'])).toBeGreaterThan(0);
    // The refused stream took no slot in the quota that had room: 8 more fit there.
    for (let i = 0; i < 8; i++) await limits.acquire(response().res, [address]);
    await refusal(limits, [address]);
  });

  it('frees a slot when its stream is released', async () => {
    const limits = instance();
    const session = quota(1);
    const slot = await limits.acquire(response().res, [session]);
    await refusal(limits, [session]);
    await slot.release();
    await limits.acquire(response().res, [session]);
  });

  it('lets the slots of an instance that died lapse, while renewed slots hold', async () => {
    const session = quota(2);
    const crashed = instance();
    const alive = instance();
    await crashed.acquire(response().res, [session]); // never renewed nor released
    const held = await alive.acquire(response().res, [session]);
    await refusal(alive, [session]);
    for (let i = 0; i < 4; i++) {
      await sleep(LEASE_MS / 3);
      await held.renew(); // what each heartbeat does
    }
    // The crashed instance's slot has lapsed; the renewed one still counts.
    await alive.acquire(response().res, [session]);
    await refusal(alive, [session]);
  });
});
