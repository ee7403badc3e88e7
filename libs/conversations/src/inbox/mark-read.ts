import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/identity';
import { ConversationReadsRepository } from '../conversation-reads.repository.js';
import { ConversationRepository } from '../conversation.repository.js';
import { InboxGuard } from './inbox-guard.js';
import { VisibleConversations } from './visible-conversations.js';

/** Marks the conversation read by the caller up to its newest message (and clears its unread count). */
@Injectable()
export class MarkConversationRead {
  constructor(
    private readonly guard: InboxGuard,
    private readonly visible: VisibleConversations,
    private readonly reads: ConversationReadsRepository,
    private readonly conversations: ConversationRepository,
    private readonly audit: AuditService,
  ) {}

  execute(viewer: Principal, id: string): Promise<void> {
    return this.guard.transaction(viewer, async (tx) => {
      await this.visible.lockVisible(tx, viewer, id);
      await this.reads.markReadUpToLatest(tx, viewer.userId, id);
      await this.conversations.clearUnread(tx, id);
      this.audit.record(tx, { action: 'conversation.marked_read', target: { type: 'conversation', id } });
    });
  }
}
