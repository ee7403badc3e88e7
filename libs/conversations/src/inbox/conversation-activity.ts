import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { isUuid } from '@app/database';
import type { Principal } from '@app/identity';
import { ConversationRepository } from '../conversation.repository.js';
import { conversationNotFound } from '../conversations.errors.js';
import { InboxAccessDenied, canSee } from './inbox-access.js';
import { InboxGuard } from './inbox-guard.js';
import { InboxRepository } from './inbox.repository.js';

/** Audit actions on a conversation that are reads, not changes: never part of its activity. */
export const NOT_ACTIVITY = [
  'conversation.read',
  'conversation.messages_read',
  'conversation.marked_read',
  'conversation.access_denied',
  'conversation.listed',
];

/** The audit actor of a routing rule's changes (automation's `ROUTING_ACTOR`; the rule is in the metadata). */
const RULE_ACTOR_ID = 'routing-rule';

export interface ActivityItem {
  /** The audit event's id. */
  id: string;
  at: string;
  /** The audit action, e.g. conversation.assigned, conversation.updated, conversation.note_added. */
  action: string;
  /** Who did it: a user (with their name), a routing rule (with its name), the system... */
  actor: { type: 'user' | 'rule' | 'system' | 'patient' | 'provider'; id: string; name: string | null };
  /** The event's PHI-free metadata (ids, field names, fixed values). */
  details: Record<string, string | number | boolean | null>;
}

export interface ActivityPage {
  data: ActivityItem[];
  nextCursor: string | null;
}

/**
 * A conversation's change history, newest first, from the audit trail (events whose target is
 * the conversation, reads left out): assignments, status and triage changes by staff or by a
 * routing rule, notes, SLA breaches and auto-closes (an auto-reply is a message, not a change). Same visibility as the conversation. Not itself a PHI
 * read (events carry ids and field names only), so not audited.
 */
@Injectable()
export class ConversationActivity {
  constructor(
    private readonly guard: InboxGuard,
    private readonly conversations: ConversationRepository,
    private readonly inbox: InboxRepository,
    private readonly audit: AuditService,
  ) {}

  execute(viewer: Principal, id: string, page: { beforeSeq?: number; limit: number }): Promise<ActivityPage> {
    return this.guard.transaction(viewer, async (tx) => {
      const visibility = await this.conversations.visibilityOf(tx, id);
      if (!visibility) throw conversationNotFound();
      if (!canSee(viewer, visibility))
        throw new InboxAccessDenied('not_visible_to_role', { type: 'conversation', id });
      const events = await this.audit.list(tx, {
        targetId: id,
        exceptActions: NOT_ACTIVITY,
        beforeSeq: page.beforeSeq,
        limit: page.limit,
      });
      const userIds = [
        ...new Set(
          events.filter((e) => e.actor.type === 'user' && isUuid(e.actor.id)).map((e) => e.actor.id),
        ),
      ];
      const names = userIds.length ? await this.inbox.userNames(tx, userIds) : new Map<string, string>();
      return {
        data: events.map((e): ActivityItem => {
          const byRule = e.actor.type === 'system' && e.actor.id === RULE_ACTOR_ID && e.metadata.ruleId;
          return {
            id: e.id,
            at: e.occurredAt,
            action: e.action,
            actor: byRule
              ? {
                  type: 'rule',
                  id: String(e.metadata.ruleId),
                  name: typeof e.metadata.ruleName === 'string' ? e.metadata.ruleName : null,
                }
              : {
                  type: e.actor.type as ActivityItem['actor']['type'],
                  id: e.actor.id,
                  name: e.actor.type === 'user' ? (names.get(e.actor.id) ?? null) : null,
                },
            details: e.metadata,
          };
        }),
        nextCursor: events.length === page.limit ? String(events.at(-1)!.seq) : null,
      };
    });
  }
}
