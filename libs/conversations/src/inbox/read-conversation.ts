import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ContactRepository } from '@app/contacts';
import type { Principal } from '@app/identity';
import { InboxGuard } from './inbox-guard.js';
import { VisibleConversations } from './visible-conversations.js';

/** The conversation with its contact (decrypted) and the lead's source channel: an audited PHI read. */
@Injectable()
export class ReadConversation {
  constructor(
    private readonly guard: InboxGuard,
    private readonly conversations: VisibleConversations,
    private readonly contacts: ContactRepository,
    private readonly audit: AuditService,
  ) {}

  execute(viewer: Principal, id: string) {
    return this.guard.transaction(viewer, async (tx) => {
      const item = await this.conversations.visibleItem(tx, viewer, id);
      const contact = await this.contacts.get(tx, item.contact.id);
      // The lead's source: the channel of the contact's first message in its first conversation.
      const [source] = await tx.query<{ channel: string }>(
        `SELECT m.channel FROM conversations c
         CROSS JOIN LATERAL (SELECT channel FROM messages
           WHERE tenant_id = c.tenant_id AND conversation_id = c.id ORDER BY created_at, id LIMIT 1) m
         WHERE c.tenant_id = $1 AND c.contact_id = $2 ORDER BY c.created_at, c.id LIMIT 1`,
        [tx.tenantId, item.contact.id],
      );
      this.audit.record(tx, { action: 'conversation.read', target: { type: 'conversation', id } });
      return {
        ...item,
        contact: {
          id: item.contact.id,
          displayName: contact?.name ?? null,
          phone: contact?.phone ?? null,
          email: contact?.email ?? null,
          dateOfBirth: contact?.dateOfBirth ?? null,
          leadStage: contact?.leadStage ?? null,
          leadSource: source?.channel ?? null,
        },
      };
    });
  }
}
