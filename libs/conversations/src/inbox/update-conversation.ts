import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ContactRepository } from '@app/contacts';
import { normalizeDatabaseError, type TenantTx } from '@app/database';
import { type Principal, roleHas } from '@app/identity';
import { ConversationRepository, type LockedConversation } from '../conversation.repository.js';
import { ConversationsError, ConversationsErrorCode } from '../conversations.errors.js';
import { StaffEvents } from '../staff-events.js';
import {
  type ConversationChanges,
  type ConversationPatch,
  conversationChanges,
} from './conversation-changes.js';
import { InboxAccessDenied } from './inbox-access.js';
import { InboxGuard } from './inbox-guard.js';
import type { InboxItem } from './inbox-views.js';
import { InboxRepository } from './inbox.repository.js';
import { WakeScheduler } from './snooze.js';
import { VisibleConversations } from './visible-conversations.js';

const OTHER_FIELDS = ['teamId', 'priority', 'tags', 'leadStage'] as const;

/**
 * Triage: status (a snooze time wakes it), assignee, priority, tags, and the contact's lead
 * stage. Each real change is audited and announced on the practice's live stream.
 */
@Injectable()
export class UpdateConversation {
  constructor(
    private readonly guard: InboxGuard,
    private readonly visible: VisibleConversations,
    private readonly conversations: ConversationRepository,
    private readonly inbox: InboxRepository,
    private readonly contacts: ContactRepository,
    private readonly wakes: WakeScheduler,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  execute(viewer: Principal, id: string, patch: ConversationPatch): Promise<InboxItem> {
    return this.guard.transaction(viewer, async (tx) => {
      const before = await this.visible.lockVisible(tx, viewer, id);
      const changes = conversationChanges(before, patch);
      const { next, changed } = changes;
      if (changed.has('teamId') && !roleHas(viewer.role, 'conversations.assign'))
        throw new InboxAccessDenied('assign_not_allowed', { type: 'conversation', id });
      if (changed.has('assigneeId')) {
        if (!roleHas(viewer.role, 'conversations.assign'))
          throw new InboxAccessDenied('assign_not_allowed', { type: 'conversation', id });
        if (next.assigneeId !== null) await this.mustBeActiveStaff(tx, next.assigneeId);
      }
      await this.write(tx, id, next);
      if (changed.has('leadStage'))
        await this.contacts.setLeadStage(tx, before.contact_id, patch.leadStage ?? null);
      await this.wakes.schedule(
        tx,
        id,
        next.status === 'snoozed' ? next.snoozedUntil : null,
        before.snoozed_until,
      );
      this.announce(tx, id, before, changes, patch);
      // Not re-checked for visibility: billing may untag what it was working on.
      return this.visible.item(tx, viewer, id);
    });
  }

  private async write(tx: TenantTx, id: string, next: ConversationChanges['next']): Promise<void> {
    try {
      await this.conversations.applyTriage(tx, id, next);
    } catch (err) {
      // conversations_one_active: reopening while the contact has another conversation open.
      const db = normalizeDatabaseError(err);
      if (db?.code === 'unique_violation')
        throw new ConversationsError(
          ConversationsErrorCode.ConversationConflict,
          'The contact already has another conversation that is not closed; close or merge that one first',
        );
      if (db?.code === 'foreign_key_violation' && db.constraint === 'conversations_team_fk')
        throw new ConversationsError(
          ConversationsErrorCode.InvalidTeam,
          'teamId must be a team of the practice',
        );
      throw err;
    }
  }

  private async mustBeActiveStaff(tx: TenantTx, userId: string): Promise<void> {
    if (!(await this.inbox.isActiveStaff(tx, userId)))
      throw new ConversationsError(
        ConversationsErrorCode.InvalidAssignee,
        'Conversations can be assigned only to active staff of the practice',
      );
  }

  /** One audit event and one live event per kind of change: assignment, status, the rest. */
  private announce(
    tx: TenantTx,
    id: string,
    before: LockedConversation,
    { next, changed }: ConversationChanges,
    patch: ConversationPatch,
  ): void {
    const target = { type: 'conversation', id };
    if (changed.has('assigneeId')) {
      const assigneeId = next.assigneeId;
      this.audit.record(tx, {
        action: 'conversation.assigned',
        target,
        metadata: { from: before.assignee_id, to: assigneeId },
      });
      this.events.publishAfterCommit(tx, { type: 'conversation.assigned', conversationId: id, assigneeId });
    }
    if (changed.has('status') || changed.has('snoozedUntil')) {
      this.audit.record(tx, {
        action: 'conversation.status_changed',
        target,
        metadata: {
          from: before.status,
          to: next.status,
          ...(next.snoozedUntil ? { until: next.snoozedUntil.toISOString() } : {}),
        },
      });
      this.events.publishAfterCommit(tx, {
        type: 'conversation.status_changed',
        conversationId: id,
        status: next.status,
        from: before.status,
      });
    }
    const other = OTHER_FIELDS.filter((f) => changed.has(f));
    if (other.length) {
      // Field names and fixed vocabularies only: tags are staff free text, so not their values.
      this.audit.record(tx, {
        action: 'conversation.updated',
        target,
        metadata: {
          fields: other.join(','),
          ...(changed.has('teamId') ? { teamId: next.teamId } : {}),
          ...(changed.has('priority') ? { priority: patch.priority! } : {}),
          ...(changed.has('leadStage') ? { leadStage: patch.leadStage ?? null } : {}),
        },
      });
      this.events.publishAfterCommit(tx, { type: 'conversation.updated', conversationId: id, fields: other });
    }
  }
}
