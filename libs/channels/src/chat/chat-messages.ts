import { Injectable } from '@nestjs/common';
import { type ChatOutboundInput, MessageRepository, type StoredMessage } from '@app/conversations';
import type { TenantTx } from '@app/database';
import type { ChatMessageView } from './chat-views.js';

export { CHAT_OUTBOUND_STATUS } from '@app/conversations';

/** Chat messages as the visitor side reads and the staff side writes them. */
@Injectable()
export class ChatMessages {
  constructor(private readonly messages: MessageRepository) {}

  /** Stores a staff message to the visitor (conversations' MessageRepository writes it). */
  insertOutbound(tx: TenantTx, input: ChatOutboundInput): Promise<{ id: string; createdAt: Date }> {
    return this.messages.insertChatOutbound(tx, input);
  }

  /**
   * The visitor's client received these (a poll answered them, or their stream was written):
   * staff messages among them move from `sent` to `delivered`. Answers those that moved.
   */
  async markDelivered(
    tx: TenantTx,
    messageIds: string[],
  ): Promise<Array<{ id: string; conversationId: string }>> {
    if (messageIds.length === 0) return [];
    return this.messages.markChatDelivered(tx, messageIds);
  }

  async view(tx: TenantTx, messageId: string): Promise<ChatMessageView | null> {
    const message = await this.messages.get(tx, messageId);
    // The visitor sees messages and automatic answers in their session, never staff notes.
    return message && message.kind !== 'note' ? toView(message) : null;
  }
}

function toView(message: StoredMessage): ChatMessageView {
  return {
    id: message.id,
    direction: message.direction,
    body: message.body ?? '',
    createdAt: message.createdAt.toISOString(),
  };
}
