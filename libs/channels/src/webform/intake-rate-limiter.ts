import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from '@app/observability';
import { REDIS, type RedisClient, RedisKeys } from '@app/redis';

export interface RateLimit {
  /** What is being limited (e.g. `form-ip`), part of the Redis key. */
  name: string;
  limit: number;
  windowSeconds: number;
}

// INCR + set the window on the first hit, atomically; answers the count and the window's TTL.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/**
 * Fixed-window counters in Redis, shared by every api instance. Subjects (client address, form
 * key) are hashed into the key, so no address sits in Redis in the clear.
 */
@Injectable()
export class IntakeRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  /** Counts one request; over the limit -> 429 rate_limited with Retry-After (set on `res`). */
  async hit(res: FastifyReply, rule: RateLimit, subject: string): Promise<void> {
    const digest = createHash('sha256').update(subject).digest('base64url').slice(0, 32);
    const [count, ttl] = (await this.redis.eval(
      HIT,
      1,
      this.keys.key('intake-rl', rule.name, digest),
      String(rule.windowSeconds),
    )) as [number, number];
    if (count <= rule.limit) return;
    res.header('Retry-After', String(Math.max(1, ttl)));
    throw new AppError(429, 'rate_limited', 'Too many requests; try again later', { retryAfterSeconds: ttl });
  }
}
