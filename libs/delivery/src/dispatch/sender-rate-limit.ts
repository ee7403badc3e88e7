import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS, RedisKeys } from '@app/redis';

/**
 * One slot per interval per sender (a long code sends about 1 message/s). Atomic in Redis so
 * every worker process shares the budget. Returns 0 when the caller may send now, otherwise
 * the milliseconds until the sender's next free slot: the job is delayed by that much, which
 * frees the worker for other senders instead of blocking it.
 */
const TAKE_SLOT = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local next_free = tonumber(redis.call('GET', KEYS[1]) or '0')
if next_free > now then return next_free - now end
redis.call('SET', KEYS[1], now + interval, 'PX', interval * 2)
return 0`;

/** Waits up to this long in place; longer waits delay the job. */
const INLINE_WAIT_MS = 50;

@Injectable()
export class SenderRateLimit {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /**
   * Takes a slot, waiting in place for one that is only a few milliseconds away (a fast sender
   * under contention); returns the wait when the next slot is further off, for the job to be
   * delayed instead (a 1/s long code: the worker serves other senders meanwhile).
   */
  async waitForSlot(senderKey: string, perSecond: number): Promise<number> {
    for (;;) {
      const wait = await this.take(senderKey, perSecond);
      if (wait === 0 || wait > INLINE_WAIT_MS) return wait;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async take(senderKey: string, perSecond: number): Promise<number> {
    const interval = Math.max(1, Math.round(1000 / perSecond));
    const wait = await this.redis.eval(
      TAKE_SLOT,
      1,
      this.keys.key('send-rate', senderKey),
      Date.now(),
      interval,
    );
    return Number(wait);
  }
}
