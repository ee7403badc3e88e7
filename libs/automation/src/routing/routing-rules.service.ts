import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { normalizeDatabaseError, TenantDb, type TenantTx } from '@app/database';
import { AutomationError, AutomationErrorCode as E } from '../automation.errors.js';
import { RoutingRuleRepository } from './routing-rule.repository.js';
import type { RoutingRule, RoutingRuleInput } from './routing-rule.js';

export type NewRoutingRule = Omit<RoutingRuleInput, 'position'> & { position?: number };
export type RoutingRulePatch = Partial<RoutingRuleInput>;

const ruleNotFound = () => new AutomationError(E.RoutingRuleNotFound, 'Routing rule not found');

/**
 * The practice's routing rules. Ids a rule names (assignee, team, channel) must be the
 * practice's: an active user, a team, a channel (422 with the code). Positions are sparse: rules
 * run by position, equal positions oldest first; nothing is renumbered.
 */
@Injectable()
export class RoutingRulesService {
  constructor(
    private readonly db: TenantDb,
    private readonly rules: RoutingRuleRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<RoutingRule[]> {
    return this.db.transaction((tx) => this.rules.list(tx));
  }

  create(input: NewRoutingRule): Promise<RoutingRule> {
    return this.db.transaction(async (tx) => {
      const rule = { ...input, position: input.position ?? (await this.rules.nextPosition(tx)) };
      await this.mustNamePracticeIds(tx, rule);
      const created = await this.writing(() => this.rules.insert(tx, randomUUID(), rule));
      this.audit.record(tx, {
        action: 'routing_rule.created',
        target: { type: 'routing_rule', id: created.id },
        metadata: { position: created.position, enabled: created.enabled },
      });
      return created;
    });
  }

  update(id: string, patch: RoutingRulePatch): Promise<RoutingRule> {
    return this.db.transaction(async (tx) => {
      const before = await this.rules.get(tx, id, true);
      if (!before) throw ruleNotFound();
      const next: RoutingRuleInput = {
        name: patch.name ?? before.name,
        position: patch.position ?? before.position,
        enabled: patch.enabled ?? before.enabled,
        onReopen: patch.onReopen ?? before.onReopen,
        conditions: patch.conditions ?? before.conditions,
        actions: patch.actions ?? before.actions,
      };
      await this.mustNamePracticeIds(tx, next);
      const updated = await this.writing(() => this.rules.update(tx, id, next));
      this.audit.record(tx, {
        action: 'routing_rule.updated',
        target: { type: 'routing_rule', id },
        metadata: {
          fields: Object.keys(patch).join(','),
          position: updated.position,
          enabled: updated.enabled,
        },
      });
      return updated;
    });
  }

  delete(id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      if (!(await this.rules.delete(tx, id))) throw ruleNotFound();
      this.audit.record(tx, { action: 'routing_rule.deleted', target: { type: 'routing_rule', id } });
    });
  }

  private async mustNamePracticeIds(tx: TenantTx, rule: RoutingRuleInput): Promise<void> {
    const { assignUserId, assignTeamId } = rule.actions;
    const { channelId } = rule.conditions;
    if (assignUserId && !(await this.rules.isActiveUser(tx, assignUserId))) throw invalidAssignee();
    if (assignTeamId && !(await this.rules.teamExists(tx, assignTeamId))) throw invalidTeam();
    if (channelId && !(await this.rules.channelExists(tx, channelId))) throw invalidChannel();
  }

  /** A named id that vanished between the check and the write (a team deleted meanwhile). */
  private async writing(write: () => Promise<RoutingRule>): Promise<RoutingRule> {
    try {
      return await write();
    } catch (err) {
      const db = normalizeDatabaseError(err);
      if (db?.code === 'foreign_key_violation') {
        if (db.constraint?.includes('team')) throw invalidTeam();
        if (db.constraint?.includes('channel')) throw invalidChannel();
        throw invalidAssignee();
      }
      throw err;
    }
  }
}

const invalidAssignee = () =>
  new AutomationError(E.InvalidAssignee, 'assignUserId must be an active user of the practice', {
    field: 'actions.assignUserId',
  });
const invalidTeam = () =>
  new AutomationError(E.InvalidTeam, 'assignTeamId must be a team of the practice', {
    field: 'actions.assignTeamId',
  });
const invalidChannel = () =>
  new AutomationError(E.InvalidChannel, 'channelId must be a channel of the practice', {
    field: 'conditions.channelId',
  });
