import { Inject, Injectable } from '@nestjs/common';
import { REDIS, type RedisClient, RedisKeys } from '@app/redis';

/** Limits of the patient pages, per client address and per link (fixed windows in Redis). */
export const PORTAL_LIMITS = {
  /** Form posts from one address to any patient page. */
  postsPerIp: { limit: 60, windowSeconds: 15 * 60 },
  /** Codes sent for one link (each is an SMS or an email to the patient). */
  codesPerLink: { limit: 3, windowSeconds: 15 * 60 },
  /** Form posts to one link, whoever sends them. */
  postsPerLink: { limit: 30, windowSeconds: 15 * 60 },
} as const;

@Injectable()
export class PortalRateLimits {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  /** Counts one hit; false once the window's limit is passed. */
  async allow(
    scope: string,
    subject: string,
    rule: { limit: number; windowSeconds: number },
  ): Promise<boolean> {
    const key = this.keys.key('portal-rl', scope, subject);
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, rule.windowSeconds, 'NX').exec()) as [
      [Error | null, number],
    ];
    return count <= rule.limit;
  }
}
