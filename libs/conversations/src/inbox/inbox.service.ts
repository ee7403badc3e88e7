import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ContactRepository } from '@app/contacts';
import { KeyRingService } from '@app/crypto';
import { normalizeDatabaseError, TenantDb, type TenantTx } from '@app/database';
import { type Principal, roleHas } from '@app/identity';
import { JobQueue } from '@app/jobs';
import { AppError } from '@app/observability';
import { StaffEvents } from '../staff-events.js';
import { InboxAccessDenied, canSee, forbidden, inboxScope } from './inbox-access.js';
import {
  type ConversationStatus,
  type InboxFilter,
  type InboxRow,
  type MessagePageRow,
  inboxQuery,
  messagesQuery,
  visibleConversationSql,
} from './inbox-query.js';
import { BODY_COLUMN, type InboxItem, type MessageItem, inboxItems, messageItems } from './inbox-views.js';
import { type KeysetPosition, encodeCursor } from './keyset-cursor.js';
import { wakeJobId } from './snooze.js';

export type ListFilter = Omit<InboxFilter, 'billingScope' | 'id'>;

export interface ConversationPatch {
  status?: ConversationStatus;
  assigneeId?: string | null;
  priority?: string;
  tags?: string[];
  leadStage?: string | null;
  snoozedUntil?: Date;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

interface LockedConversation {
  id: string;
  contact_id: string;
  status: ConversationStatus;
  assignee_id: string | null;
  priority: string;
  tags: string[];
  lead_stage: string | null;
  snoozed_until: Date | null;
}

const notFound = () => AppError.notFound('Conversation');

/**
 * The staff inbox: list, detail, messages, notes, read marks and triage changes. Every read of
 * PHI is one audit event per request; every change is audited and announced on the practice's
 * live stream; every refusal is audited. Other practices' ids are invisible (404).
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly db: TenantDb,
    private readonly keys: KeyRingService,
    private readonly contacts: ContactRepository,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
    private readonly jobs: JobQueue,
  ) {}

  list(viewer: Principal, filter: ListFilter): Promise<Page<InboxItem>> {
    return this.guarded(viewer, async (tx) => {
      const cipher = await this.keys.forTenant(tx);
      // The audit event is written first and the page is the transaction's last statement, sent
      // with COMMIT: the whole audited read is one round trip (the role's scope is in the SQL,
      // so nothing after the query can refuse it).
      this.audit.record(tx, { action: 'conversation.listed', metadata: { limit: filter.limit } });
      const { sql, params } = inboxQuery(tx.tenantId, viewer.userId, {
        ...filter,
        billingScope: inboxScope(viewer) === 'billing',
      });
      const rows = await tx.queryAndCommit<InboxRow>(sql, params);
      const data = await inboxItems(cipher, rows);
      return { data, nextCursor: nextCursor(rows, filter.limit, (r) => r.sort_micros) };
    });
  }

  /** Conversations per status, and open work per assignee, from the maintained counters. */
  counts(viewer: Principal) {
    if (inboxScope(viewer) !== 'practice') return this.deniedNow(viewer, 'counts_need_practice_scope');
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ status: string; assignee_id: string | null; n: number }>(
        `SELECT status, assignee_id, n FROM conversation_counts WHERE tenant_id = $1 AND n > 0`,
        [tx.tenantId],
      );
      const byStatus: Record<string, number> = { open: 0, pending: 0, snoozed: 0, closed: 0 };
      const openByAssignee = new Map<string | null, number>();
      for (const row of rows) {
        byStatus[row.status] = (byStatus[row.status] ?? 0) + row.n;
        if (row.status !== 'closed')
          openByAssignee.set(row.assignee_id, (openByAssignee.get(row.assignee_id) ?? 0) + row.n);
      }
      return {
        byStatus,
        notClosed: {
          mine: openByAssignee.get(viewer.userId) ?? 0,
          unassigned: openByAssignee.get(null) ?? 0,
          byAssignee: [...openByAssignee]
            .filter(([id]) => id !== null)
            .map(([assigneeId, count]) => ({ assigneeId, count })),
        },
      };
    });
  }

  /** The conversation with its contact (decrypted) and the lead's source channel: an audited PHI read. */
  detail(viewer: Principal, id: string) {
    return this.guarded(viewer, async (tx) => {
      const item = await this.visibleItem(tx, viewer, id);
      const contact = await this.contacts.get(tx, item.contact.id);
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

  messages(viewer: Principal, id: string, page: { after?: KeysetPosition; limit: number }) {
    return this.guarded(viewer, async (tx): Promise<Page<MessageItem>> => {
      const cipher = await this.keys.forTenant(tx);
      // Recorded first, stored only if the conversation exists and this viewer may see it, so
      // the page is the transaction's last statement, sent with COMMIT: one round trip.
      const target = { type: 'conversation', id };
      this.audit.record(
        tx,
        { action: 'conversation.messages_read', target, metadata: { limit: page.limit } },
        {
          onlyIf: visibleConversationSql(tx.tenantId, id, {
            scope: inboxScope(viewer)!,
            userId: viewer.userId,
          }),
        },
      );
      const { sql, params } = messagesQuery(tx.tenantId, id, page);
      const found = await tx.queryAndCommit<MessagePageRow>(sql, params);
      if (found.length === 0) throw notFound();
      const { conversation_tags: tags, conversation_assignee_id: assignee_id } = found[0]!;
      if (!canSee(viewer, { tags, assignee_id })) throw new InboxAccessDenied('not_visible_to_role', target);
      const rows = found.filter((row): row is MessagePageRow & { id: string } => row.id !== null);
      const data = await messageItems(cipher, rows);
      return { data, nextCursor: nextCursor(rows, page.limit, (r) => r.sort_micros) };
    });
  }

  /** An internal note: stored as kind 'note' with status 'internal', which no delivery path sends. */
  addNote(viewer: Principal, id: string, body: string) {
    return this.guarded(viewer, async (tx) => {
      const conversation = await this.lockVisible(tx, viewer, id);
      const cipher = await this.keys.forTenant(tx);
      const [row] = await tx.query<{ id: string; created_at: Date }>(
        `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, body_enc,
           status, author_user_id)
         SELECT $1, $2, c.id, c.contact_id, coalesce(c.last_channel, 'portal'), 'outbound', 'note', $4,
           'internal', $5
         FROM conversations c WHERE c.tenant_id = $2 AND c.id = $3
         RETURNING id, created_at`,
        [randomUUID(), tx.tenantId, conversation.id, cipher.encrypt(BODY_COLUMN, body), viewer.userId],
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

  /** Marks the conversation read by the caller up to its newest message (and clears its unread count). */
  markRead(viewer: Principal, id: string) {
    return this.guarded(viewer, async (tx) => {
      await this.lockVisible(tx, viewer, id);
      await tx.execute(
        `INSERT INTO conversation_reads (tenant_id, user_id, conversation_id, read_up_to)
         SELECT c.tenant_id, $2, c.id, coalesce(c.last_message_at, c.created_at)
         FROM conversations c WHERE c.tenant_id = $1 AND c.id = $3
         ON CONFLICT (tenant_id, user_id, conversation_id)
           DO UPDATE SET read_up_to = greatest(conversation_reads.read_up_to, excluded.read_up_to)`,
        [tx.tenantId, viewer.userId, id],
      );
      await tx.execute(
        `UPDATE conversations SET unread_count = 0 WHERE tenant_id = $1 AND id = $2 AND unread_count <> 0`,
        [tx.tenantId, id],
      );
      this.audit.record(tx, { action: 'conversation.marked_read', target: { type: 'conversation', id } });
    });
  }

  update(viewer: Principal, id: string, patch: ConversationPatch) {
    return this.guarded(viewer, async (tx) => {
      const before = await this.lockVisible(tx, viewer, id);
      const target = { type: 'conversation', id };
      const changed: string[] = [];

      if (patch.assigneeId !== undefined && patch.assigneeId !== before.assignee_id) {
        if (!roleHas(viewer.role, 'conversations.assign'))
          throw new InboxAccessDenied('assign_not_allowed', target);
        if (patch.assigneeId !== null) await this.mustBeActiveStaff(tx, patch.assigneeId);
        changed.push('assigneeId');
      }
      const status = patch.snoozedUntil ? 'snoozed' : (patch.status ?? before.status);
      const snoozedUntil = status === 'snoozed' ? (patch.snoozedUntil ?? before.snoozed_until) : null;
      if (status !== before.status) changed.push('status');
      if (snoozedUntil?.getTime() !== before.snoozed_until?.getTime() && status === 'snoozed')
        changed.push('snoozedUntil');
      if (patch.priority !== undefined && patch.priority !== before.priority) changed.push('priority');
      if (patch.tags !== undefined && !sameSet(patch.tags, before.tags)) changed.push('tags');
      if (patch.leadStage !== undefined && patch.leadStage !== before.lead_stage) changed.push('leadStage');

      await this.write(tx, id, {
        status,
        snoozedUntil,
        assigneeId: patch.assigneeId === undefined ? before.assignee_id : patch.assigneeId,
        priority: patch.priority ?? before.priority,
        tags: patch.tags ? [...new Set(patch.tags)] : before.tags,
      });
      if (changed.includes('leadStage'))
        // The contact holds the stage; a trigger copies it to each of its conversations.
        await tx.execute(
          `UPDATE contacts SET lead_stage = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
          [tx.tenantId, before.contact_id, patch.leadStage],
        );
      await this.scheduleWake(tx, id, status === 'snoozed' ? snoozedUntil : null, before.snoozed_until);

      if (changed.includes('assigneeId')) {
        const assigneeId = patch.assigneeId ?? null;
        this.audit.record(tx, {
          action: 'conversation.assigned',
          target,
          metadata: { from: before.assignee_id, to: assigneeId },
        });
        this.events.publishAfterCommit(tx, { type: 'conversation.assigned', conversationId: id, assigneeId });
      }
      if (changed.includes('status') || changed.includes('snoozedUntil')) {
        this.audit.record(tx, {
          action: 'conversation.status_changed',
          target,
          metadata: {
            from: before.status,
            to: status,
            ...(snoozedUntil ? { until: snoozedUntil.toISOString() } : {}),
          },
        });
        this.events.publishAfterCommit(tx, {
          type: 'conversation.status_changed',
          conversationId: id,
          status,
          from: before.status,
        });
      }
      const other = changed.filter((f) => ['priority', 'tags', 'leadStage'].includes(f));
      if (other.length) {
        // Field names and fixed vocabularies only: tags are staff free text, so not their values.
        this.audit.record(tx, {
          action: 'conversation.updated',
          target,
          metadata: {
            fields: other.join(','),
            ...(other.includes('priority') ? { priority: patch.priority! } : {}),
            ...(other.includes('leadStage') ? { leadStage: patch.leadStage ?? null } : {}),
          },
        });
        this.events.publishAfterCommit(tx, {
          type: 'conversation.updated',
          conversationId: id,
          fields: other,
        });
      }
      // Not re-checked for visibility: billing may untag what it was working on.
      return this.item(tx, viewer, id);
    });
  }

  private async write(
    tx: TenantTx,
    id: string,
    next: {
      status: string;
      snoozedUntil: Date | null;
      assigneeId: string | null;
      priority: string;
      tags: string[];
    },
  ): Promise<void> {
    try {
      await tx.execute(
        `UPDATE conversations SET status = $3, snoozed_until = $4, assignee_id = $5, priority = $6, tags = $7,
           updated_at = now()
         WHERE tenant_id = $1 AND id = $2`,
        [tx.tenantId, id, next.status, next.snoozedUntil, next.assigneeId, next.priority, next.tags],
      );
    } catch (err) {
      // conversations_one_active: reopening while the contact has another conversation open.
      if (normalizeDatabaseError(err)?.code === 'unique_violation')
        throw new AppError(
          409,
          'conversation_conflict',
          'The contact already has another conversation that is not closed; close or merge that one first',
        );
      throw err;
    }
  }

  /**
   * The wake-up row the periodic sweep reads, and a delayed job for the exact time. The job of
   * the previous time goes: Redis would keep it until it is due, up to a year later.
   */
  private async scheduleWake(
    tx: TenantTx,
    id: string,
    due: Date | null,
    previous: Date | null,
  ): Promise<void> {
    if (previous && previous.getTime() !== due?.getTime())
      this.jobs.removeAfterCommit(tx, 'conversation.wake', wakeJobId(id, previous));
    if (!due) {
      await tx.execute(`DELETE FROM snooze_wakeups WHERE tenant_id = $1 AND conversation_id = $2`, [
        tx.tenantId,
        id,
      ]);
      return;
    }
    await tx.execute(
      `INSERT INTO snooze_wakeups (tenant_id, conversation_id, due_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET due_at = excluded.due_at`,
      [tx.tenantId, id, due],
    );
    this.jobs.addAfterCommit(
      tx,
      'conversation.wake',
      { tenantId: tx.tenantId, conversationId: id },
      { jobId: wakeJobId(id, due), delay: Math.max(0, due.getTime() - Date.now()) },
      'the snooze sweep wakes it (only the exact time is lost)',
    );
  }

  private async mustBeActiveStaff(tx: TenantTx, userId: string): Promise<void> {
    const [user] = await tx.query(`SELECT 1 FROM users WHERE tenant_id = $1 AND id = $2 AND active`, [
      tx.tenantId,
      userId,
    ]);
    if (!user)
      throw new AppError(
        422,
        'invalid_assignee',
        'Conversations can be assigned only to active staff of the practice',
      );
  }

  private async inboxRows(tx: TenantTx, viewer: Principal, filter: InboxFilter): Promise<InboxRow[]> {
    const { sql, params } = inboxQuery(tx.tenantId, viewer.userId, filter);
    return tx.query<InboxRow>(sql, params);
  }

  private async visibleItem(tx: TenantTx, viewer: Principal, id: string): Promise<InboxItem> {
    const item = await this.item(tx, viewer, id);
    if (!canSee(viewer, { tags: item.tags, assignee_id: item.assigneeId }))
      throw new InboxAccessDenied('not_visible_to_role', { type: 'conversation', id });
    return item;
  }

  private async item(tx: TenantTx, viewer: Principal, id: string): Promise<InboxItem> {
    const [row] = await this.inboxRows(tx, viewer, { id, limit: 1 });
    if (!row) throw notFound();
    const [item] = await inboxItems(await this.keys.forTenant(tx), [row]);
    return item!;
  }

  private async lockVisible(tx: TenantTx, viewer: Principal, id: string): Promise<LockedConversation> {
    const [row] = await tx.query<LockedConversation>(
      `SELECT id, contact_id, status, assignee_id, priority, tags, lead_stage, snoozed_until
       FROM conversations WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tx.tenantId, id],
    );
    if (!row) throw notFound();
    if (!canSee(viewer, row))
      throw new InboxAccessDenied('not_visible_to_role', { type: 'conversation', id });
    return row;
  }

  /** Runs `work` in a tenant transaction; a denial rolls it back, is audited on its own, and answers 403. */
  private async guarded<T>(viewer: Principal, work: (tx: TenantTx) => Promise<T>): Promise<T> {
    if (!inboxScope(viewer)) return this.deniedNow(viewer, 'no_inbox_permission');
    try {
      return await this.db.transaction(work);
    } catch (err) {
      if (!(err instanceof InboxAccessDenied)) throw err;
      return this.deniedNow(viewer, err.reason, err.target);
    }
  }

  private async deniedNow(
    viewer: Principal,
    reason: string,
    target?: { type: string; id: string },
  ): Promise<never> {
    await this.audit.recordNow(viewer.tenantId, {
      action: 'conversation.access_denied',
      outcome: 'denied',
      ...(target ? { target } : {}),
      metadata: { reason, role: viewer.role },
    });
    throw forbidden();
  }
}

function nextCursor<R extends { id: string }>(
  rows: R[],
  limit: number,
  micros: (row: R) => string,
): string | null {
  const last = rows.at(-1);
  return rows.length === limit && last ? encodeCursor({ micros: micros(last), id: last.id }) : null;
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((t) => left.has(t));
}
