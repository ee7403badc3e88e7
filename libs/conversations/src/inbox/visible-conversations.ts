import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import type { Principal } from '@app/identity';
import { ConversationRepository, type LockedConversation } from '../conversation.repository.js';
import { conversationNotFound } from '../conversations.errors.js';
import { InboxAccessDenied, canSee } from './inbox-access.js';
import { InboxRepository } from './inbox.repository.js';
import { type InboxItem, inboxItems } from './inbox-views.js';

/** One conversation as the inbox shows it, and the visibility check every single-conversation route makes. */
@Injectable()
export class VisibleConversations {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly conversations: ConversationRepository,
    private readonly keys: KeyRingService,
  ) {}

  /** The inbox item, whoever may see it (404 if the practice has no such conversation). */
  async item(tx: TenantTx, viewer: Principal, id: string): Promise<InboxItem> {
    const row = await this.inbox.item(tx, viewer.userId, id);
    if (!row) throw conversationNotFound();
    const [item] = await inboxItems(await this.keys.forTenant(tx), [row]);
    return item!;
  }

  /** The inbox item, refused (403, audited by the guard) when this viewer's role may not see it. */
  async visibleItem(tx: TenantTx, viewer: Principal, id: string): Promise<InboxItem> {
    const item = await this.item(tx, viewer, id);
    if (!canSee(viewer, { tags: item.tags, assignee_id: item.assigneeId }))
      throw new InboxAccessDenied('not_visible_to_role', { type: 'conversation', id });
    return item;
  }

  /** The conversation row locked until commit, refused when this viewer's role may not see it. */
  async lockVisible(tx: TenantTx, viewer: Principal, id: string): Promise<LockedConversation> {
    const row = await this.conversations.lockForChange(tx, id);
    if (!row) throw conversationNotFound();
    if (!canSee(viewer, row))
      throw new InboxAccessDenied('not_visible_to_role', { type: 'conversation', id });
    return row;
  }
}
