import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { KeyRingService } from '@app/crypto';
import type { Principal } from '@app/identity';
import { conversationNotFound } from '../conversations.errors.js';
import { MessageFields } from '../message-fields.js';
import { InboxAccessDenied, canSee, inboxScope } from './inbox-access.js';
import { InboxGuard } from './inbox-guard.js';
import type { MessagePageRow } from './inbox-query.js';
import { InboxRepository } from './inbox.repository.js';
import { type MessageItem, messageItems } from './inbox-views.js';
import { type KeysetPosition, type Page, nextCursor } from './keyset-cursor.js';

/** A page of a conversation's messages and notes, newest first: an audited PHI read. */
@Injectable()
export class ReadMessages {
  constructor(
    private readonly guard: InboxGuard,
    private readonly inbox: InboxRepository,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    private readonly fields: MessageFields,
  ) {}

  async execute(
    viewer: Principal,
    id: string,
    page: { after?: KeysetPosition; limit: number },
  ): Promise<Page<MessageItem>> {
    const read = await this.guard.transaction(viewer, async (tx) => {
      const cipher = await this.keys.forTenant(tx);
      // Recorded first, stored only if the conversation exists and this viewer may see it, so
      // the page is the transaction's last statement, sent with COMMIT: one round trip.
      const target = { type: 'conversation', id };
      this.audit.record(
        tx,
        { action: 'conversation.messages_read', target, metadata: { limit: page.limit } },
        {
          onlyIf: this.inbox.visibleCondition(tx, id, {
            scope: inboxScope(viewer)!,
            userId: viewer.userId,
          }),
        },
      );
      const found = await this.inbox.messagesPageAndCommit(tx, id, page);
      if (found.length === 0) throw conversationNotFound();
      const { conversation_tags: tags, conversation_assignee_id: assignee_id } = found[0]!;
      if (!canSee(viewer, { tags, assignee_id })) throw new InboxAccessDenied('not_visible_to_role', target);
      const rows = found.filter((row): row is MessagePageRow & { id: string } => row.id !== null);
      return { cipher, rows };
    });
    // Web form fields live with channels (form_submissions): read through it after the page
    // committed, only for a page that shows web form messages (one query for the page).
    const data = await messageItems(read.cipher, read.rows, await this.fields.forPage(read.rows));
    return { data, nextCursor: nextCursor(read.rows, page.limit, (r) => r.sort_micros) };
  }
}
