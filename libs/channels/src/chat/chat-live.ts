import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { TenantTx } from '@app/database';
import { REDIS, RedisKeys } from '@app/redis';

/** What travels over Redis for a chat session: the message id only (the body stays in the encrypted store). */
export interface ChatLiveEvent {
  messageId: string;
}

/**
 * One pub/sub channel per chat session, so a staff reply committed on any api instance reaches
 * the visitor's stream wherever it is connected. Published only after commit.
 */
@Injectable()
export class ChatLive {
  private readonly logger = new Logger('ChatLive');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  channelOf(sessionId: string): string {
    return this.keys.key('chat', sessionId);
  }

  publishAfterCommit(tx: TenantTx, sessionId: string, event: ChatLiveEvent): void {
    tx.afterCommit(() => {
      this.redis.publish(this.channelOf(sessionId), JSON.stringify(event)).catch((err: Error) => {
        this.logger.warn({ sessionId, err: { name: err.name } }, 'Chat event not published');
      });
    });
  }
}
