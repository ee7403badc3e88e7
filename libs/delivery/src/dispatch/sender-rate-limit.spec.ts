import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisKeys } from '@app/redis';
import { SenderRateLimit } from './sender-rate-limit.js';

const redis = new Redis(process.env.REDIS_URL!);
const keys = new RedisKeys({ REDIS_PREFIX: process.env.REDIS_PREFIX! } as never);
const limit = new SenderRateLimit(redis, keys);
afterAll(() => redis.quit());

describe('SenderRateLimit', () => {
  it('gives one slot per interval per sender, and other senders are not held up', async () => {
    const number = `sms:${randomBytes(4).toString('hex')}`;
    const other = `sms:${randomBytes(4).toString('hex')}`;
    expect(await limit.take(number, 1)).toBe(0);
    const wait = await limit.take(number, 1);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1000);
    expect(await limit.take(other, 1)).toBe(0);
  });

  it('waits in place for a slot a few milliseconds away, and hands back long waits', async () => {
    const fast = `sms:${randomBytes(4).toString('hex')}`;
    expect(await limit.waitForSlot(fast, 200)).toBe(0);
    expect(await limit.waitForSlot(fast, 200)).toBe(0); // 5 ms later: waited, then took it
    const slow = `sms:${randomBytes(4).toString('hex')}`;
    expect(await limit.waitForSlot(slow, 1)).toBe(0);
    expect(await limit.waitForSlot(slow, 1)).toBeGreaterThan(50); // the job is delayed instead
  });
});
