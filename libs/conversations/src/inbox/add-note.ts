import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/identity';
import { MessageRepository } from '../message.repository.js';
import { StaffEvents } from '../staff-events.js';
import { InboxGuard } from './inbox-guard.js';
import { VisibleConversations } from './visible-conversations.js';

/** An internal note: stored as kind 'note' with status 'internal', which no delivery path sends. */
@Injectable()
export class AddNote {
  constructor(
    private readonly guard: InboxGuard,
    private readonly conversations: VisibleConversations,
    private readonly messages: MessageRepository,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  execute(viewer: Principal, id: string, body: string) {
    return this.guard.transaction(viewer, async (tx) => {
      const conversation = await this.conversations.lockVisible(tx, viewer, id);
      const note = await this.messages.insertNote(tx, {
        conversationId: conversation.id,
        body,
        authorUserId: viewer.userId,
      });
      this.audit.record(tx, {
        action: 'conversation.note_added',
        target: { type: 'conversation', id },
        metadata: { messageId: note.id },
      });
      this.events.publishAfterCommit(tx, { type: 'note.created', conversationId: id, messageId: note.id });
      return {
        id: note.id,
        conversationId: id,
        kind: 'note' as const,
        createdAt: note.createdAt.toISOString(),
      };
    });
  }
}
