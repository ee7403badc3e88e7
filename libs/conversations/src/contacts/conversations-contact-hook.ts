import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ContactHook, ContactHooks, type MergeResult } from '@app/contacts';
import type { TenantTx } from '@app/database';

/**
 * Conversations' part of a contact merge: the other's conversations and their messages move to
 * the survivor. If both have a conversation that is not closed, the other's messages join the
 * survivor's and the emptied one is closed (the unique index allows one per contact).
 */
@Injectable()
export class ConversationsContactHook implements ContactHook, OnModuleInit {
  constructor(private readonly hooks: ContactHooks) {}

  onModuleInit(): void {
    this.hooks.register('conversations', 10, this);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<Partial<MergeResult>> {
    const active = await tx.query<{ id: string; contact_id: string }>(
      `SELECT id, contact_id FROM conversations
       WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[]) AND status <> 'closed' FOR UPDATE`,
      [tx.tenantId, [survivorId, otherId]],
    );
    const survivorActive = active.find((c) => c.contact_id === survivorId);
    const otherActive = active.find((c) => c.contact_id === otherId);
    if (survivorActive && otherActive) await this.fold(tx, otherActive.id, survivorActive.id);
    const moved = await tx.query<{ id: string }>(
      `UPDATE conversations SET contact_id = $3, updated_at = now() WHERE tenant_id = $1 AND contact_id = $2 RETURNING id`,
      [tx.tenantId, otherId, survivorId],
    );
    const messagesMoved = await tx.execute(
      `UPDATE messages SET contact_id = $3
       WHERE tenant_id = $1 AND conversation_id = ANY($4::uuid[]) AND contact_id = $2`,
      [
        tx.tenantId,
        otherId,
        survivorId,
        [...moved.map((c) => c.id), ...(survivorActive ? [survivorActive.id] : [])],
      ],
    );
    return {
      conversationsMoved: moved.length,
      messagesMoved,
      foldedConversationId: survivorActive && otherActive ? otherActive.id : null,
    };
  }

  /** The other's open conversation joins the survivor's and is closed, emptied. */
  private async fold(tx: TenantTx, otherId: string, survivorId: string): Promise<void> {
    await tx.execute(
      `UPDATE messages SET conversation_id = $3 WHERE tenant_id = $1 AND conversation_id = $2`,
      [tx.tenantId, otherId, survivorId],
    );
    // The newer activity's preview and channel win; unread counts add up.
    await tx.execute(
      `UPDATE conversations s SET
         last_message_preview_enc = CASE WHEN o.last_message_at > s.last_message_at OR s.last_message_at IS NULL
                                         THEN o.last_message_preview_enc ELSE s.last_message_preview_enc END,
         last_channel = CASE WHEN o.last_message_at > s.last_message_at OR s.last_message_at IS NULL
                             THEN o.last_channel ELSE s.last_channel END,
         last_message_at = greatest(s.last_message_at, o.last_message_at),
         unread_count = s.unread_count + o.unread_count, updated_at = now()
       FROM conversations o
       WHERE s.tenant_id = $1 AND s.id = $2 AND o.tenant_id = $1 AND o.id = $3`,
      [tx.tenantId, survivorId, otherId],
    );
    await tx.execute(
      `UPDATE conversations SET status = 'closed', unread_count = 0, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, otherId],
    );
    await tx.execute(`DELETE FROM snooze_wakeups WHERE tenant_id = $1 AND conversation_id = $2`, [
      tx.tenantId,
      otherId,
    ]);
  }
}
