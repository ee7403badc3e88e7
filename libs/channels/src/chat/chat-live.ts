import { Injectable, Logger } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { RedisKeys, RedisPublisher } from '@app/redis';

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
    private readonly publisher: RedisPublisher,
    private readonly keys: RedisKeys,
  ) {}

  channelOf(sessionId: string): string {
    return this.keys.key('chat', sessionId);
  }

  publishAfterCommit(tx: TenantTx, sessionId: string, event: ChatLiveEvent): void {
    tx.afterCommit(() =>
      this.publisher.publish(this.channelOf(sessionId), JSON.stringify(event), (err) =>
        this.logger.warn({ sessionId, err: { name: err.name } }, 'Chat event not published'),
      ),
    );
  }
}
