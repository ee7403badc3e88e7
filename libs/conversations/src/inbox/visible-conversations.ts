import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import type { Principal } from '@app/identity';
import { conversationNotFound } from '../conversations.errors.js';
import { InboxAccessDenied, canSee } from './inbox-access.js';
import { type ConversationStatus, type InboxRow, inboxQuery } from './inbox-query.js';
import { type InboxItem, inboxItems } from './inbox-views.js';

/** A conversation row locked for a change, with what the change compares against. */
export interface LockedConversation {
  id: string;
  contact_id: string;
  status: ConversationStatus;
  assignee_id: string | null;
  priority: string;
  tags: string[];
  lead_stage: string | null;
  snoozed_until: Date | null;
}

/** One conversation as the inbox shows it, and the visibility check every single-conversation route makes. */
@Injectable()
export class VisibleConversations {
  constructor(private readonly keys: KeyRingService) {}

  /** The inbox item, whoever may see it (404 if the practice has no such conversation). */
  async item(tx: TenantTx, viewer: Principal, id: string): Promise<InboxItem> {
    const { sql, params } = inboxQuery(tx.tenantId, viewer.userId, { id, limit: 1 });
    const [row] = await tx.query<InboxRow>(sql, params);
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
    const [row] = await tx.query<LockedConversation>(
      `SELECT id, contact_id, status, assignee_id, priority, tags, lead_stage, snoozed_until
       FROM conversations WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tx.tenantId, id],
    );
    if (!row) throw conversationNotFound();
    if (!canSee(viewer, row))
      throw new InboxAccessDenied('not_visible_to_role', { type: 'conversation', id });
    return row;
  }
}
