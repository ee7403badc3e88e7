import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Result } from 'ioredis';
import { REDIS, type RedisClient, RedisKeys } from '@app/redis';

/**
 * Fixed-window counter with a block period, shared by every api instance. One round trip:
 * returns [hits, ms to window end, blocked (0/1), ms to block end].
 */
const INCREMENT_SCRIPT = `
local blockedFor = redis.call('PTTL', KEYS[2])
if blockedFor > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return {hits, math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockedFor}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local windowLeft = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, windowLeft, 1, tonumber(ARGV[3])}
end
return {hits, windowLeft, 0, 0}
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    inboxThrottle(
      hitsKey: string,
      blockKey: string,
      ttlMs: number,
      limit: number,
      blockMs: number,
    ): Result<number[], Context>;
  }
}

/** @nestjs/throttler storage in Redis, so a limit holds across api instances. */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    this.redis.defineCommand('inboxThrottle', { numberOfKeys: 2, lua: INCREMENT_SCRIPT });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    // The window's counter and its block share the key's hash tag (one slot: the script uses both).
    const base = this.keys.key('throttle', this.keys.tag(`${throttlerName}:${key}`));
    const [hits, windowLeft, blocked, blockLeft] = await this.redis.inboxThrottle(
      base,
      `${base}:blocked`,
      ttl,
      limit,
      blockDuration,
    );
    return {
      totalHits: hits!,
      timeToExpire: Math.ceil(windowLeft! / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(blockLeft! / 1000),
    };
  }
}
