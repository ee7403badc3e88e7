import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ConversationRepository } from '@app/conversations';
import { normalizeDatabaseError, TenantDb, type TenantTx } from '@app/database';
import { AutomationError, AutomationErrorCode as E } from '../automation.errors.js';
import { RoutingRuleRepository } from '../routing/routing-rule.repository.js';
import { type Team, TeamRepository } from './team.repository.js';

export interface TeamInput {
  name: string;
  memberIds: string[];
}

const teamNotFound = () => new AutomationError(E.TeamNotFound, 'Team not found');

/**
 * Teams: named groups of staff that routing rules assign to (round-robin). Names are unique per
 * practice whatever their case; members are users of the practice (deactivated and away ones
 * stay members and are skipped by the round-robin). A team that a rule assigns to cannot be
 * deleted (409 team_in_use, the rules named); deleting one clears it from its conversations,
 * which keep their assignee.
 */
@Injectable()
export class TeamsService {
  constructor(
    private readonly db: TenantDb,
    private readonly teams: TeamRepository,
    private readonly rules: RoutingRuleRepository,
    private readonly conversations: ConversationRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Team[]> {
    return this.db.transaction((tx) => this.teams.list(tx));
  }

  create(input: TeamInput): Promise<Team> {
    return this.db.transaction(async (tx) => {
      const id = randomUUID();
      await this.mustBeUsers(tx, input.memberIds);
      await this.named(() => this.teams.insert(tx, { id, name: input.name }));
      await this.teams.replaceMembers(tx, id, input.memberIds);
      this.audit.record(tx, {
        action: 'team.created',
        target: { type: 'team', id },
        metadata: { members: input.memberIds.length },
      });
      return (await this.teams.get(tx, id))!;
    });
  }

  update(id: string, patch: Partial<TeamInput>): Promise<Team> {
    return this.db.transaction(async (tx) => {
      if (!(await this.teams.lock(tx, id))) throw teamNotFound();
      if (patch.name !== undefined) await this.named(() => this.teams.rename(tx, id, patch.name!));
      if (patch.memberIds !== undefined) {
        await this.mustBeUsers(tx, patch.memberIds);
        await this.teams.replaceMembers(tx, id, patch.memberIds);
      }
      this.audit.record(tx, {
        action: 'team.updated',
        target: { type: 'team', id },
        metadata: {
          fields: Object.keys(patch).join(','),
          ...(patch.memberIds ? { members: patch.memberIds.length } : {}),
        },
      });
      return (await this.teams.get(tx, id))!;
    });
  }

  delete(id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      // The round-robin row first, as a routing pick takes it: the two never wait in a cycle.
      if (!(await this.teams.lockRoundRobin(tx, id)) || !(await this.teams.lock(tx, id)))
        throw teamNotFound();
      const ruleIds = await this.rules.namingTeam(tx, id);
      if (ruleIds.length) throw teamInUse(ruleIds);
      const cleared = await this.conversations.clearTeam(tx, id);
      try {
        await this.teams.delete(tx, id);
      } catch (err) {
        // A rule naming the team committed between the check and the delete.
        if (normalizeDatabaseError(err)?.code === 'foreign_key_violation') throw teamInUse([]);
        throw err;
      }
      this.audit.record(tx, {
        action: 'team.deleted',
        target: { type: 'team', id },
        metadata: { conversationsCleared: cleared },
      });
    });
  }

  private async mustBeUsers(tx: TenantTx, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.teams.existingUsers(tx, ids);
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length)
      throw new AutomationError(E.InvalidTeamMember, 'Team members must be users of the practice', {
        memberIds: unknown,
      });
  }

  private async named(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (err) {
      if (normalizeDatabaseError(err)?.code === 'unique_violation')
        throw new AutomationError(E.TeamNameTaken, 'The practice already has a team of that name');
      throw err;
    }
  }
}

function teamInUse(ruleIds: string[]): AutomationError {
  return new AutomationError(
    E.TeamInUse,
    'Routing rules assign to this team: change or delete them first',
    ruleIds.length ? { ruleIds } : undefined,
  );
}
