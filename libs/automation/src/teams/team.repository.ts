// Hand-written SQL, not the entity's repository (TenantTx.repository): a team comes with its
// member list (one aggregate), members are replaced as a set, and the round-robin pick locks its
// row and reads users in the ingest's transaction on every conversation routed to a team.
import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { TeamEntity } from './team.entity.js';

/** A team as the API shows it: its members' user ids in the order they joined. */
export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

type TeamRow = Pick<TeamEntity, 'id' | 'name' | 'created_at' | 'updated_at'> & { member_ids: string[] };

const TEAM_SELECT = `
  SELECT t.id, t.name, t.created_at, t.updated_at,
         coalesce(array_agg(m.user_id ORDER BY m.created_at, m.user_id) FILTER (WHERE m.user_id IS NOT NULL),
                  '{}') AS member_ids
  FROM teams t
  LEFT JOIN team_members m ON m.tenant_id = t.tenant_id AND m.team_id = t.id
  WHERE t.tenant_id = $1`;

const toTeam = (row: TeamRow): Team => ({
  id: row.id,
  name: row.name,
  memberIds: row.member_ids,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Teams, their members and their round-robin state (automation's tables). */
@Injectable()
export class TeamRepository {
  async list(tx: TenantTx): Promise<Team[]> {
    const rows = await tx.query<TeamRow>(`${TEAM_SELECT} GROUP BY t.id ORDER BY lower(t.name), t.id`, [
      tx.tenantId,
    ]);
    return rows.map(toTeam);
  }

  async get(tx: TenantTx, id: string): Promise<Team | null> {
    const [row] = await tx.query<TeamRow>(`${TEAM_SELECT} AND t.id = $2 GROUP BY t.id`, [tx.tenantId, id]);
    return row ? toTeam(row) : null;
  }

  /** The team row locked until commit (a change or a delete); false when the practice has no such team. */
  async lock(tx: TenantTx, id: string): Promise<boolean> {
    const [row] = await tx.query(`SELECT 1 FROM teams WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [
      tx.tenantId,
      id,
    ]);
    return row !== undefined;
  }

  /**
   * A new team with its round-robin row. Throws the database's unique violation (teams_name)
   * when the practice has a team of that name in any case.
   */
  async insert(tx: TenantTx, team: { id: string; name: string }): Promise<void> {
    await tx.execute(`INSERT INTO teams (id, tenant_id, name) VALUES ($1, $2, $3)`, [
      team.id,
      tx.tenantId,
      team.name,
    ]);
    await tx.execute(`INSERT INTO team_round_robin (tenant_id, team_id) VALUES ($1, $2)`, [
      tx.tenantId,
      team.id,
    ]);
  }

  /** Throws the database's unique violation (teams_name) as `insert` does. */
  async rename(tx: TenantTx, id: string, name: string): Promise<void> {
    await tx.execute(`UPDATE teams SET name = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tx.tenantId,
      id,
      name,
    ]);
  }

  /** The members become exactly `userIds` (members kept keep their join time). */
  async replaceMembers(tx: TenantTx, id: string, userIds: string[]): Promise<void> {
    await tx.execute(
      `DELETE FROM team_members WHERE tenant_id = $1 AND team_id = $2 AND NOT (user_id = ANY ($3::uuid[]))`,
      [tx.tenantId, id, userIds],
    );
    await tx.execute(
      `INSERT INTO team_members (tenant_id, team_id, user_id)
       SELECT $1, $2, u FROM unnest($3::uuid[]) WITH ORDINALITY AS x(u, n) ORDER BY n
       ON CONFLICT DO NOTHING`,
      [tx.tenantId, id, userIds],
    );
    await tx.execute(`UPDATE teams SET updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tx.tenantId,
      id,
    ]);
  }

  /** Deletes the team (its members and round-robin row go with it). */
  async delete(tx: TenantTx, id: string): Promise<void> {
    await tx.execute(`DELETE FROM teams WHERE tenant_id = $1 AND id = $2`, [tx.tenantId, id]);
  }

  /**
   * Locks the team's round-robin row until commit; false when the team is gone. Taken before the
   * team row (by `delete` callers too), so a pick and a delete never wait on each other in a cycle.
   */
  async lockRoundRobin(tx: TenantTx, id: string): Promise<{ lastUserId: string | null } | null> {
    const [row] = await tx.query<{ last_user_id: string | null }>(
      `SELECT last_user_id FROM team_round_robin WHERE tenant_id = $1 AND team_id = $2 FOR UPDATE`,
      [tx.tenantId, id],
    );
    return row ? { lastUserId: row.last_user_id } : null;
  }

  /** Members who may take a conversation now (active and not away; identity's users read), by user id. */
  async availableMembers(tx: TenantTx, id: string): Promise<string[]> {
    const rows = await tx.query<{ user_id: string }>(
      `SELECT m.user_id FROM team_members m
       JOIN users u ON u.tenant_id = m.tenant_id AND u.id = m.user_id
       WHERE m.tenant_id = $1 AND m.team_id = $2 AND u.active AND NOT u.away
       ORDER BY m.user_id`,
      [tx.tenantId, id],
    );
    return rows.map((r) => r.user_id);
  }

  /** Records who got the team's latest conversation (the caller holds the row lock). */
  async recordTurn(tx: TenantTx, id: string, userId: string): Promise<void> {
    await tx.execute(
      `UPDATE team_round_robin SET last_user_id = $3, updated_at = now() WHERE tenant_id = $1 AND team_id = $2`,
      [tx.tenantId, id, userId],
    );
  }

  /** Of `ids`, those that are users of the practice (any state). */
  async existingUsers(tx: TenantTx, ids: string[]): Promise<Set<string>> {
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM users WHERE tenant_id = $1 AND id = ANY ($2::uuid[])`,
      [tx.tenantId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }
}
