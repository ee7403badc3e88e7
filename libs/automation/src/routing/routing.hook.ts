import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ContactRepository } from '@app/contacts';
import {
  ConversationRepository,
  type InboundMessageFacts,
  type InboundMessageHook,
  InboundMessageHooks,
  StaffEvents,
} from '@app/conversations';
import type { TenantTx } from '@app/database';
import { practiceSettingsFor } from '@app/identity';
import type { Actor } from '@app/observability';
import { AUTOMATION_CLOCK, type AutomationClock } from '../automation-clock.js';
import { businessHoursOf, isOpenAt } from '../business-hours/schedule.js';
import { TeamRepository } from '../teams/team.repository.js';
import { RoutingRuleRepository } from './routing-rule.repository.js';
import { type RoutingRule, ruleMatches } from './routing-rule.js';

/** Who the audit trail says made a rule's changes (the rule itself is named in the metadata). */
export const ROUTING_ACTOR: Actor = { type: 'system', id: 'routing-rule' };

/** The rule named in the metadata of each change it made. */
const byRule = (rule: RoutingRule) => ({ ruleId: rule.id, ruleName: rule.name });

/** A field one rule decided (the first matching rule that sets it). */
interface Won<T> {
  rule: RoutingRule;
  value: T;
}

/**
 * Routing rules, run on every new inbound conversation (and on a reopened one for rules with
 * `onReopen`) inside the ingest's transaction, before any automatic answer (stage 10). Rules
 * run in position order; every matching rule applies; the assignee (user or team), the priority
 * and the lead stage are set by the first matching rule that sets them, tags add up. Each rule's
 * changes are audited as done by the rule and announced as the usual staff events.
 */
@Injectable()
export class RoutingHook implements InboundMessageHook, OnModuleInit {
  readonly name = 'routing';
  readonly stage = 10;

  constructor(
    private readonly hooks: InboundMessageHooks,
    private readonly rules: RoutingRuleRepository,
    private readonly teams: TeamRepository,
    private readonly conversations: ConversationRepository,
    private readonly contacts: ContactRepository,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
    @Inject(AUTOMATION_CLOCK) private readonly clock: AutomationClock,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async afterInbound(tx: TenantTx, facts: InboundMessageFacts): Promise<void> {
    if (facts.opening === 'existing') return;
    const rules = (await this.rules.enabled(tx)).filter((r) => facts.opening === 'created' || r.onReopen);
    if (rules.length === 0) return;
    const before = await this.conversations.lockForChange(tx, facts.conversationId);
    if (!before) return;
    const open = rules.some((r) => r.conditions.businessHours)
      ? await this.openAt(tx, this.clock.now(facts.receivedAt))
      : null;
    const matched = rules.filter((r) =>
      ruleMatches(r.conditions, {
        channel: facts.channel,
        channelId: facts.channelId,
        leadStage: before.lead_stage,
        body: facts.body,
        open,
      }),
    );
    if (matched.length === 0) return;

    let assignee: Won<{ userId: string | null; teamId: string | null }> | undefined;
    let priority: Won<string> | undefined;
    let leadStage: Won<string> | undefined;
    const tags = new Set(before.tags);
    const tagsAddedBy = new Map<RoutingRule, number>();
    for (const rule of matched) {
      const a = rule.actions;
      if (!assignee && a.assignUserId && (await this.rules.isActiveUser(tx, a.assignUserId)))
        assignee = { rule, value: { userId: a.assignUserId, teamId: null } };
      if (!assignee && a.assignTeamId) {
        const picked = await this.nextMember(tx, a.assignTeamId);
        if (picked !== undefined) assignee = { rule, value: { userId: picked, teamId: a.assignTeamId } };
      }
      if (!priority && a.priority) priority = { rule, value: a.priority };
      if (!leadStage && a.leadStage) leadStage = { rule, value: a.leadStage };
      let added = 0;
      for (const tag of a.addTags ?? []) {
        if (tags.size >= 20 || tags.has(tag)) continue;
        tags.add(tag);
        added++;
      }
      if (added) tagsAddedBy.set(rule, added);
    }

    const next = {
      assigneeId: assignee ? assignee.value.userId : before.assignee_id,
      teamId: assignee ? assignee.value.teamId : before.team_id,
      priority: priority?.value ?? before.priority,
      tags: [...tags],
    };
    const assigned = next.assigneeId !== before.assignee_id || next.teamId !== before.team_id;
    const prioritized = next.priority !== before.priority;
    const staged = leadStage !== undefined && leadStage.value !== before.lead_stage;
    if (assigned || prioritized || tagsAddedBy.size > 0)
      await this.conversations.applyRouting(tx, facts.conversationId, next);
    if (staged) await this.contacts.setLeadStage(tx, facts.contactId, leadStage!.value);

    // One audit event per rule and kind of change, as done by the rule; never the message text.
    const target = { type: 'conversation', id: facts.conversationId };
    if (assigned && assignee) {
      this.audit.record(tx, {
        action: 'conversation.assigned',
        actor: ROUTING_ACTOR,
        target,
        metadata: {
          ...byRule(assignee.rule),
          from: before.assignee_id,
          to: next.assigneeId,
          teamId: next.teamId,
        },
      });
      this.events.publishAfterCommit(tx, {
        type: 'conversation.assigned',
        conversationId: facts.conversationId,
        assigneeId: next.assigneeId,
      });
    }
    const fields = new Set<string>();
    for (const rule of matched) {
      const changed: string[] = [];
      if (prioritized && priority?.rule === rule) changed.push('priority');
      if (staged && leadStage?.rule === rule) changed.push('leadStage');
      if (tagsAddedBy.has(rule)) changed.push('tags');
      if (changed.length === 0) continue;
      changed.forEach((f) => fields.add(f));
      this.audit.record(tx, {
        action: 'conversation.updated',
        actor: ROUTING_ACTOR,
        target,
        metadata: {
          ...byRule(rule),
          fields: changed.join(','),
          ...(changed.includes('priority') ? { priority: next.priority } : {}),
          ...(changed.includes('leadStage') ? { leadStage: leadStage!.value } : {}),
          // Tags are labels staff type: counted, not named (as for a staff change).
          ...(changed.includes('tags') ? { tagsAdded: tagsAddedBy.get(rule)! } : {}),
        },
      });
    }
    if (fields.size)
      this.events.publishAfterCommit(tx, {
        type: 'conversation.updated',
        conversationId: facts.conversationId,
        fields: [...fields],
      });
  }

  /**
   * The team's next member in turn (by user id, after the one who got its last conversation),
   * among those active and not away; null when none is available (the conversation goes to the
   * team unassigned); undefined when the team is gone. The round-robin row stays locked until
   * the ingest commits, so concurrent conversations take turns.
   */
  private async nextMember(tx: TenantTx, teamId: string): Promise<string | null | undefined> {
    const state = await this.teams.lockRoundRobin(tx, teamId);
    if (!state) return undefined;
    const available = await this.teams.availableMembers(tx, teamId);
    if (available.length === 0) return null;
    const picked = (state.lastUserId && available.find((id) => id > state.lastUserId!)) || available[0]!;
    await this.teams.recordTurn(tx, teamId, picked);
    return picked;
  }

  /** Whether the practice is open at `at`; null when it never set business hours. */
  private async openAt(tx: TenantTx, at: Date): Promise<boolean | null> {
    const { settings } = await practiceSettingsFor(tx, ['timeZone', 'businessHours']);
    const hours = businessHoursOf(settings);
    return hours ? isOpenAt(hours, at) : null;
  }
}
