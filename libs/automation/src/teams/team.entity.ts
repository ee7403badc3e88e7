import { EntitySchema } from 'typeorm';

/** A row of `teams`, as migrated: a named group of staff (name unique per practice, any case). */
export interface TeamEntity {
  id: string;
  tenant_id: string;
  name: string;
  created_at: Date;
  updated_at: Date;
}

export const TeamSchema = new EntitySchema<TeamEntity>({
  name: 'teams',
  tableName: 'teams',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    name: { type: 'text' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});

/** A row of `team_members`: one staff user in one team. */
export interface TeamMemberEntity {
  tenant_id: string;
  team_id: string;
  user_id: string;
  created_at: Date;
}

export const TeamMemberSchema = new EntitySchema<TeamMemberEntity>({
  name: 'team_members',
  tableName: 'team_members',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    team_id: { type: 'uuid', primary: true },
    user_id: { type: 'uuid', primary: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
  },
});

/** A row of `team_round_robin`: who got the team's last routed conversation (locked while picking the next). */
export interface TeamRoundRobinEntity {
  tenant_id: string;
  team_id: string;
  last_user_id: string | null;
  updated_at: Date;
}

export const TeamRoundRobinSchema = new EntitySchema<TeamRoundRobinEntity>({
  name: 'team_round_robin',
  tableName: 'team_round_robin',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    team_id: { type: 'uuid', primary: true },
    last_user_id: { type: 'uuid', nullable: true },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
