import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ContactRepository } from '@app/contacts';
import type { Principal } from '@app/identity';
import { InboxGuard } from './inbox-guard.js';
import { leadStageOf } from './inbox-query.js';
import { InboxRepository } from './inbox.repository.js';
import { VisibleConversations } from './visible-conversations.js';

/** The conversation with its contact (decrypted) and the lead's source channel: an audited PHI read. */
@Injectable()
export class ReadConversation {
  constructor(
    private readonly guard: InboxGuard,
    private readonly conversations: VisibleConversations,
    private readonly contacts: ContactRepository,
    private readonly inbox: InboxRepository,
    private readonly audit: AuditService,
  ) {}

  execute(viewer: Principal, id: string) {
    return this.guard.transaction(viewer, async (tx) => {
      const item = await this.conversations.visibleItem(tx, viewer, id);
      const contact = await this.contacts.get(tx, item.contact.id);
      const leadSource = await this.inbox.leadSourceChannel(tx, item.contact.id);
      this.audit.record(tx, { action: 'conversation.read', target: { type: 'conversation', id } });
      return {
        ...item,
        contact: {
          id: item.contact.id,
          displayName: contact?.name ?? null,
          phone: contact?.phone ?? null,
          email: contact?.email ?? null,
          dateOfBirth: contact?.dateOfBirth ?? null,
          leadStage: leadStageOf(contact?.leadStage ?? null),
          leadSource,
        },
      };
    });
  }
}
