import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { KeyRingService } from '@app/crypto';
import type { Principal } from '@app/identity';
import { MESSAGE_BODY_COLUMN } from '../message.repository.js';
import { StaffEvents } from '../staff-events.js';
import { InboxGuard } from './inbox-guard.js';
import { VisibleConversations } from './visible-conversations.js';

/** An internal note: stored as kind 'note' with status 'internal', which no delivery path sends. */
@Injectable()
export class AddNote {
  constructor(
    private readonly guard: InboxGuard,
    private readonly conversations: VisibleConversations,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  execute(viewer: Principal, id: string, body: string) {
    return this.guard.transaction(viewer, async (tx) => {
      const conversation = await this.conversations.lockVisible(tx, viewer, id);
      const cipher = await this.keys.forTenant(tx);
      const [row] = await tx.query<{ id: string; created_at: Date }>(
        `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, body_enc,
           status, author_user_id)
         SELECT $1, $2, c.id, c.contact_id, coalesce(c.last_channel, 'portal'), 'outbound', 'note', $4,
           'internal', $5
         FROM conversations c WHERE c.tenant_id = $2 AND c.id = $3
         RETURNING id, created_at`,
        [
          randomUUID(),
          tx.tenantId,
          conversation.id,
          cipher.encrypt(MESSAGE_BODY_COLUMN, body),
          viewer.userId,
        ],
      );
      this.audit.record(tx, {
        action: 'conversation.note_added',
        target: { type: 'conversation', id },
        metadata: { messageId: row!.id },
      });
      this.events.publishAfterCommit(tx, { type: 'note.created', conversationId: id, messageId: row!.id });
      return { id: row!.id, conversationId: id, kind: 'note', createdAt: row!.created_at.toISOString() };
    });
  }
}
