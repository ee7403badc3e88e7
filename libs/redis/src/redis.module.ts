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

/**
 * A connection's errors go to the JSON log (without a listener ioredis prints each one to the
 * console), once per kind of error until it is ready again: while Redis is down, ioredis
 * reconnects (and fails) several times a second. Only the error's name and code are logged.
 */
export function logRedisErrors(redis: Redis, connection: string): Redis {
  let last: string | null = null;
  redis.on('error', (err: Error & { code?: string }) => {
    const kind = `${err.name}:${err.code ?? ''}`;
    if (kind === last) return;
    last = kind;
    logger.error({ connection, err: { name: err.name, code: err.code } }, 'Redis connection error');
  });
  redis.on('ready', () => {
    if (last !== null) logger.log({ connection }, 'Redis connection ready again');
    last = null;
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
