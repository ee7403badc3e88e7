// Hand-written SQL, not the entity's repository (TenantTx.repository): the enabled rules are read
// in the ingest's transaction of every new conversation, and each rule is one row whose
// conditions and actions are columns (so the ids they name are foreign keys).
import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { RoutingRuleEntity } from './routing-rule.entity.js';
import type { RoutingRule, RoutingRuleInput } from './routing-rule.js';

type RuleRow = Omit<RoutingRuleEntity, 'tenant_id'>;

const COLUMNS = `id, name, position, enabled, on_reopen, channels, channel_id, lead_stages, keyword, business_hours,
  assign_user_id, assign_team_id, add_tags, priority, lead_stage, created_at, updated_at`;
/** The order rules run in: a total order (equal positions: the older rule first, then by id). */
const ORDER = 'ORDER BY position, created_at, id';

function toRule(row: RuleRow): RoutingRule {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    enabled: row.enabled,
    onReopen: row.on_reopen,
    conditions: {
      ...(row.channels ? { channel: row.channels as RoutingRule['conditions']['channel'] } : {}),
      ...(row.channel_id ? { channelId: row.channel_id } : {}),
      ...(row.lead_stages ? { leadStage: row.lead_stages as RoutingRule['conditions']['leadStage'] } : {}),
      ...(row.keyword ? { keyword: row.keyword } : {}),
      ...(row.business_hours ? { businessHours: row.business_hours } : {}),
    },
    actions: {
      ...(row.assign_user_id ? { assignUserId: row.assign_user_id } : {}),
      ...(row.assign_team_id ? { assignTeamId: row.assign_team_id } : {}),
      ...(row.add_tags.length ? { addTags: row.add_tags } : {}),
      ...(row.priority ? { priority: row.priority as RoutingRule['actions']['priority'] } : {}),
      ...(row.lead_stage ? { leadStage: row.lead_stage as RoutingRule['actions']['leadStage'] } : {}),
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The column values of a rule's definition, in `$3...$16` order (after tenant and id). */
function values(rule: RoutingRuleInput): unknown[] {
  const c = rule.conditions;
  const a = rule.actions;
  return [
    rule.name,
    rule.position,
    rule.enabled,
    rule.onReopen,
    c.channel ?? null,
    c.channelId ?? null,
    c.leadStage ?? null,
    c.keyword ?? null,
    c.businessHours ?? null,
    a.assignUserId ?? null,
    a.assignTeamId ?? null,
    a.addTags ?? [],
    a.priority ?? null,
    a.leadStage ?? null,
  ];
}

/** Routing rules (automation's table). */
@Injectable()
export class RoutingRuleRepository {
  /** Every rule of the practice in the order they run. */
  async list(tx: TenantTx): Promise<RoutingRule[]> {
    const rows = await tx.query<RuleRow>(
      `SELECT ${COLUMNS} FROM routing_rules WHERE tenant_id = $1 ${ORDER}`,
      [tx.tenantId],
    );
    return rows.map(toRule);
  }

  /** The enabled rules in the order they run (what routing evaluates). */
  async enabled(tx: TenantTx): Promise<RoutingRule[]> {
    const rows = await tx.query<RuleRow>(
      `SELECT ${COLUMNS} FROM routing_rules WHERE tenant_id = $1 AND enabled ${ORDER}`,
      [tx.tenantId],
    );
    return rows.map(toRule);
  }

  /** One rule; `lock` holds its row until commit (a change). */
  async get(tx: TenantTx, id: string, lock = false): Promise<RoutingRule | null> {
    const [row] = await tx.query<RuleRow>(
      `SELECT ${COLUMNS} FROM routing_rules WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tx.tenantId, id],
    );
    return row ? toRule(row) : null;
  }

  /** The position after the last rule's (a rule created without one runs last). */
  async nextPosition(tx: TenantTx): Promise<number> {
    const [row] = await tx.query<{ next: number }>(
      `SELECT coalesce(max(position) + 10, 0)::int AS next FROM routing_rules WHERE tenant_id = $1`,
      [tx.tenantId],
    );
    return row?.next ?? 0;
  }

  /** The ids of rules that assign to the team. */
  async namingTeam(tx: TenantTx, teamId: string): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM routing_rules WHERE tenant_id = $1 AND assign_team_id = $2 ${ORDER}`,
      [tx.tenantId, teamId],
    );
    return rows.map((r) => r.id);
  }

  /** Throws the database's foreign key violation when a named user, team or channel is gone meanwhile. */
  async insert(tx: TenantTx, id: string, rule: RoutingRuleInput): Promise<RoutingRule> {
    const [row] = await tx.query<RuleRow>(
      `INSERT INTO routing_rules (tenant_id, id, name, position, enabled, on_reopen, channels, channel_id,
         lead_stages, keyword, business_hours, assign_user_id, assign_team_id, add_tags, priority, lead_stage)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       RETURNING ${COLUMNS}`,
      [tx.tenantId, id, ...values(rule)],
    );
    return toRule(row!);
  }

  /** Replaces the rule's definition; as `insert` for vanished ids. */
  async update(tx: TenantTx, id: string, rule: RoutingRuleInput): Promise<RoutingRule> {
    const [row] = await tx.query<RuleRow>(
      `UPDATE routing_rules SET name = $3, position = $4, enabled = $5, on_reopen = $6, channels = $7,
         channel_id = $8, lead_stages = $9, keyword = $10, business_hours = $11, assign_user_id = $12,
         assign_team_id = $13, add_tags = $14, priority = $15, lead_stage = $16, updated_at = now()
       WHERE tenant_id = $1 AND id = $2
       RETURNING ${COLUMNS}`,
      [tx.tenantId, id, ...values(rule)],
    );
    return toRule(row!);
  }

  async delete(tx: TenantTx, id: string): Promise<boolean> {
    return (
      (await tx.execute(`DELETE FROM routing_rules WHERE tenant_id = $1 AND id = $2`, [tx.tenantId, id])) > 0
    );
  }

  /** Whether `userId` is an active user of the practice (identity's users, read only). */
  async isActiveUser(tx: TenantTx, userId: string): Promise<boolean> {
    const [row] = await tx.query(`SELECT 1 FROM users WHERE tenant_id = $1 AND id = $2 AND active`, [
      tx.tenantId,
      userId,
    ]);
    return row !== undefined;
  }

  /** Whether the practice has the channel (channels' table, read only). */
  async channelExists(tx: TenantTx, channelId: string): Promise<boolean> {
    const [row] = await tx.query(`SELECT 1 FROM channels WHERE tenant_id = $1 AND id = $2`, [
      tx.tenantId,
      channelId,
    ]);
    return row !== undefined;
  }

  /** Whether the practice has the team. */
  async teamExists(tx: TenantTx, teamId: string): Promise<boolean> {
    const [row] = await tx.query(`SELECT 1 FROM teams WHERE tenant_id = $1 AND id = $2`, [
      tx.tenantId,
      teamId,
    ]);
    return row !== undefined;
  }
}
