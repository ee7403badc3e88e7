import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import {
  type ConversationStatus,
  type InboxChannel,
  type InboxFilter,
  type InboxRow,
  type MessagePageRow,
  inboxQuery,
  messagesQuery,
  visibleConversationSql,
} from './inbox-query.js';
import type { KeysetPosition } from './keyset-cursor.js';

/** A row of conversation_counts: conversations per status and assignee, kept by triggers. */
export interface ConversationCountRow {
  status: ConversationStatus;
  assignee_id: string | null;
  n: number;
}

/**
 * The inbox's reads: the list page and single item (`inboxQuery`), a conversation's message
 * page (`messagesQuery`), the counters, and the lookups the inbox use cases decide on. Rows come
 * back encrypted as stored; `inbox-views.ts` decrypts them for the answer.
 */
@Injectable()
export class InboxRepository {
  /** An inbox page as the transaction's last statement, sent with COMMIT (one round trip with what precedes it). */
  pageAndCommit(tx: TenantTx, viewerId: string, filter: Omit<InboxFilter, 'id'>): Promise<InboxRow[]> {
    const { sql, params } = inboxQuery(tx.tenantId, viewerId, filter);
    return tx.queryAndCommit<InboxRow>(sql, params);
  }

  /** One conversation in the list's shape (`viewerId`'s unread flag); null when the practice has none. */
  async item(tx: TenantTx, viewerId: string, id: string): Promise<InboxRow | null> {
    const { sql, params } = inboxQuery(tx.tenantId, viewerId, { id, limit: 1 });
    const [row] = await tx.query<InboxRow>(sql, params);
    return row ?? null;
  }

  /**
   * A page of the conversation's messages as the transaction's last statement, sent with COMMIT;
   * no rows means no such conversation, see `messagesQuery`.
   */
  messagesPageAndCommit(
    tx: TenantTx,
    conversationId: string,
    page: { after?: KeysetPosition; limit: number },
  ): Promise<MessagePageRow[]> {
    const { sql, params } = messagesQuery(tx.tenantId, conversationId, page);
    return tx.queryAndCommit<MessagePageRow>(sql, params);
  }

  /** A condition (`onlyIf` of an audit event): the conversation exists and a viewer of this scope may see it. */
  visibleCondition(
    tx: TenantTx,
    conversationId: string,
    viewer: { scope: 'practice' | 'billing'; userId: string },
  ): { sql: string; params: unknown[] } {
    return visibleConversationSql(tx.tenantId, conversationId, viewer);
  }

  /** The practice's non-zero counters. */
  counts(tx: TenantTx): Promise<ConversationCountRow[]> {
    return tx.query<ConversationCountRow>(
      `SELECT status, assignee_id, n FROM conversation_counts WHERE tenant_id = $1 AND n > 0`,
      [tx.tenantId],
    );
  }

  /** The lead's source: the channel of the contact's first message in its first conversation. */
  async leadSourceChannel(tx: TenantTx, contactId: string): Promise<InboxChannel | null> {
    const [source] = await tx.query<{ channel: InboxChannel }>(
      `SELECT m.channel FROM conversations c
       CROSS JOIN LATERAL (SELECT channel FROM messages
         WHERE tenant_id = c.tenant_id AND conversation_id = c.id ORDER BY created_at, id LIMIT 1) m
       WHERE c.tenant_id = $1 AND c.contact_id = $2 ORDER BY c.created_at, c.id LIMIT 1`,
      [tx.tenantId, contactId],
    );
    return source?.channel ?? null;
  }

  /** Staff names by id (identity's users, read only), for who did what in a conversation's activity. */
  async userNames(tx: TenantTx, ids: string[]): Promise<Map<string, string>> {
    const rows = await tx.query<{ id: string; name: string }>(
      `SELECT id, name FROM users WHERE tenant_id = $1 AND id = ANY ($2::uuid[])`,
      [tx.tenantId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Whether `userId` is an active staff member of the practice (identity's users, read only). */
  async isActiveStaff(tx: TenantTx, userId: string): Promise<boolean> {
    const [user] = await tx.query(`SELECT 1 FROM users WHERE tenant_id = $1 AND id = $2 AND active`, [
      tx.tenantId,
      userId,
    ]);
    return user !== undefined;
  }
}
