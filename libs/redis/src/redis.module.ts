import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { RedisPublisher } from './redis-publisher.js';
import { REDIS } from './redis-token.js';

/** Builds Redis keys under REDIS_PREFIX, whose `{hash tag}` keeps related keys on one Cluster slot. */
@Injectable()
export class RedisKeys {
  constructor(@Inject(APP_CONFIG) private readonly config: CoreConfig) {}

  get prefix(): string {
    return this.config.REDIS_PREFIX;
  }

  key(...parts: string[]): string {
    return [this.config.REDIS_PREFIX, ...parts].join(':');
  }
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly publisher: RedisPublisher,
  ) {}

  /** Last: after the jobs and requests finished (earlier phases); what they published goes first. */
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.flush();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createRedis(url: string, name: string): Redis {
  return logRedisErrors(
    new Redis(url, { connectionName: name, maxRetriesPerRequest: 3, enableReadyCheck: true }),
    name,
  );
}

const logger = new Logger('Redis');

/** The same error again within this long is not logged again (while Redis stays down). */
const REPEAT_QUIET_MS = 60_000;

/**
 * Logs errors through the JSON logger, each kind (name and code) once a minute at most, and at
 * once again after `reset()`: while Redis is down, clients reconnect (and fail) several times a
 * second. Only the name and code are logged (a message may name hosts).
 */
export function redisErrorLog(
  log: (fields: { err: { name: string; code?: string } }) => void,
  now: () => number = Date.now,
): { report: (err: Error & { code?: string }) => void; reset: () => boolean } {
  let last: { kind: string; at: number } | null = null;
  return {
    report(err) {
      const kind = `${err.name}:${err.code ?? ''}`;
      if (last?.kind === kind && now() - last.at < REPEAT_QUIET_MS) return;
      last = { kind, at: now() };
      log({ err: { name: err.name, code: err.code } });
    },
    reset() {
      const had = last !== null;
      last = null;
      return had;
    },
  };
}

/**
 * A connection's errors go to the JSON log (without a listener ioredis prints each one to the
 * console); logged again at once after it was ready again.
 */
export function logRedisErrors(redis: Redis, connection: string): Redis {
  const errors = redisErrorLog((fields) => logger.error({ connection, ...fields }, 'Redis connection error'));
  redis.on('error', errors.report);
  redis.on('ready', () => {
    if (errors.reset()) logger.log({ connection }, 'Redis connection ready again');
  });
  return redis;
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (c: CoreConfig) => createRedis(c.REDIS_URL, 'inbox'),
    },
    RedisKeys,
    RedisPublisher,
    RedisCloser,
  ],
  exports: [REDIS, RedisKeys, RedisPublisher],
})
export class RedisModule {}
