import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';

/** conversation_reads: how far each staff member has read each conversation (the inbox's unread flag). */
@Injectable()
export class ConversationReadsRepository {
  /** `userId` has read the conversation up to its newest message; a read mark never moves back. */
  async markReadUpToLatest(tx: TenantTx, userId: string, conversationId: string): Promise<void> {
    await tx.execute(
      `INSERT INTO conversation_reads (tenant_id, user_id, conversation_id, read_up_to)
       SELECT c.tenant_id, $2, c.id, coalesce(c.last_message_at, c.created_at)
       FROM conversations c WHERE c.tenant_id = $1 AND c.id = $3
       ON CONFLICT (tenant_id, user_id, conversation_id)
         DO UPDATE SET read_up_to = greatest(conversation_reads.read_up_to, excluded.read_up_to)`,
      [tx.tenantId, userId, conversationId],
    );
  }
}
