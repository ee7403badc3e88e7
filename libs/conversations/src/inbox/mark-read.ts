import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/identity';
import { InboxGuard } from './inbox-guard.js';
import { VisibleConversations } from './visible-conversations.js';

/** Marks the conversation read by the caller up to its newest message (and clears its unread count). */
@Injectable()
export class MarkConversationRead {
  constructor(
    private readonly guard: InboxGuard,
    private readonly conversations: VisibleConversations,
    private readonly audit: AuditService,
  ) {}

  execute(viewer: Principal, id: string): Promise<void> {
    return this.guard.transaction(viewer, async (tx) => {
      await this.conversations.lockVisible(tx, viewer, id);
      await tx.execute(
        `INSERT INTO conversation_reads (tenant_id, user_id, conversation_id, read_up_to)
         SELECT c.tenant_id, $2, c.id, coalesce(c.last_message_at, c.created_at)
         FROM conversations c WHERE c.tenant_id = $1 AND c.id = $3
         ON CONFLICT (tenant_id, user_id, conversation_id)
           DO UPDATE SET read_up_to = greatest(conversation_reads.read_up_to, excluded.read_up_to)`,
        [tx.tenantId, viewer.userId, id],
      );
      await tx.execute(
        `UPDATE conversations SET unread_count = 0 WHERE tenant_id = $1 AND id = $2 AND unread_count <> 0`,
        [tx.tenantId, id],
      );
      this.audit.record(tx, { action: 'conversation.marked_read', target: { type: 'conversation', id } });
    });
  }
}
