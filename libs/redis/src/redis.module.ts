import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { type RedisClient, createRedis } from './redis-client.js';
import { RedisKeys } from './redis-keys.js';
import { RedisPublisher } from './redis-publisher.js';
import { REDIS } from './redis-token.js';

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly publisher: RedisPublisher,
  ) {}

  /** Last: after the jobs and requests finished (earlier phases); what they published goes first. */
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.flush();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
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
