import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MessageRepository, type StoredMessage } from '@app/conversations';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';

/** What a visitor sees of a chat message: never staff notes, never internal fields. */
export interface ChatMessageView {
  id: string;
  direction: 'inbound' | 'outbound';
  body: string;
  createdAt: string;
}

/** Same column name as MessageRepository: the AAD binds ciphertexts to it. */
const BODY_COLUMN = 'messages.body';
/** A staff chat message is `sent` when stored, `delivered` once the visitor's client got it. */
export const CHAT_OUTBOUND_STATUS = 'sent';

/** Chat messages as the visitor side reads and the staff side writes them. */
@Injectable()
export class ChatMessages {
  constructor(
    private readonly keys: KeyRingService,
    private readonly messages: MessageRepository,
  ) {}

  async insertOutbound(
    tx: TenantTx,
    input: {
      conversationId: string;
      contactId: string;
      channelId: string;
      body: string;
      authorUserId: string | null;
    },
  ): Promise<{ id: string; createdAt: Date }> {
    const cipher = await this.keys.forTenant(tx);
    const [row] = await tx.query<{ id: string; created_at: Date }>(
      `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel_id, channel, direction, kind,
         body_enc, status, delivery_route, author_user_id)
       VALUES ($1, $2, $3, $4, $5, 'chat', 'outbound', 'message', $6, $7, 'chat', $8)
       RETURNING id, created_at`,
      [
        randomUUID(),
        tx.tenantId,
        input.conversationId,
        input.contactId,
        input.channelId,
        cipher.encrypt(BODY_COLUMN, input.body),
        CHAT_OUTBOUND_STATUS,
        input.authorUserId,
      ],
    );
    return { id: row!.id, createdAt: row!.created_at };
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
    const rows = await tx.query<{ id: string; conversation_id: string }>(
      `UPDATE messages SET status = 'delivered', updated_at = now()
       WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND channel = 'chat' AND direction = 'outbound'
         AND status = 'sent'
       RETURNING id, conversation_id`,
      [tx.tenantId, messageIds],
    );
    return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id }));
  }

  async view(tx: TenantTx, messageId: string): Promise<ChatMessageView | null> {
    const message = await this.messages.get(tx, messageId);
    return message && message.kind === 'message' ? toView(message) : null;
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
