import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Teams and routing rules (issue 23).
 *
 * - `users.away`: a staff member's own "not taking new conversations" flag (identity writes it);
 *   round-robin skips away and deactivated members.
 * - `teams`, `team_members`, `team_round_robin` (automation): named groups of staff; the
 *   round-robin row holds the member who got the team's last conversation and is locked while
 *   the next one is picked, so concurrent inbound messages take turns.
 * - `routing_rules` (automation): ordered conditions and actions, each as its own column, so the
 *   ids they name are foreign keys (a team a rule names cannot be deleted under it).
 * - `conversations.team_id` (conversations): the team a conversation was routed to, with the
 *   inbox index of the `assignee=team:<id>` filter.
 */
export class RoutingRules1766600000000 implements MigrationInterface {
  name = 'RoutingRules1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN away boolean NOT NULL DEFAULT false;

      CREATE TABLE teams (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      );
      -- One name per practice, whatever its case.
      CREATE UNIQUE INDEX teams_name ON teams (tenant_id, lower(name));
      ${tenantRlsSql('teams')}

      CREATE TABLE team_members (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        team_id uuid NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, team_id, user_id),
        FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
      );
      CREATE INDEX team_members_user ON team_members (tenant_id, user_id);
      ${tenantRlsSql('team_members')}

      CREATE TABLE team_round_robin (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        team_id uuid NOT NULL,
        last_user_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, team_id),
        FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, last_user_id) REFERENCES users (tenant_id, id)
      );
      ${tenantRlsSql('team_round_robin')}

      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        position integer NOT NULL CHECK (position >= 0),
        enabled boolean NOT NULL DEFAULT true,
        on_reopen boolean NOT NULL DEFAULT false,
        -- Conditions (null: any).
        channels text[],
        channel_id uuid,
        lead_stages text[],
        keyword text CHECK (length(keyword) BETWEEN 1 AND 50),
        business_hours text CHECK (business_hours IN ('within', 'outside')),
        -- Actions (null or empty: none).
        assign_user_id uuid,
        assign_team_id uuid,
        add_tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(add_tags) <= 20),
        priority text CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        lead_stage text CHECK (lead_stage IN ('new', 'contacted', 'scheduled', 'patient', 'lost')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        CHECK (assign_user_id IS NULL OR assign_team_id IS NULL),
        CHECK (assign_user_id IS NOT NULL OR assign_team_id IS NOT NULL OR cardinality(add_tags) > 0
               OR priority IS NOT NULL OR lead_stage IS NOT NULL),
        FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id),
        FOREIGN KEY (tenant_id, assign_user_id) REFERENCES users (tenant_id, id),
        FOREIGN KEY (tenant_id, assign_team_id) REFERENCES teams (tenant_id, id)
      );
      -- The order rules run in: position, then the older rule first.
      CREATE INDEX routing_rules_order ON routing_rules (tenant_id, position, created_at, id);
      CREATE INDEX routing_rules_team ON routing_rules (tenant_id, assign_team_id) WHERE assign_team_id IS NOT NULL;
      ${tenantRlsSql('routing_rules')}

      ALTER TABLE conversations ADD COLUMN team_id uuid,
        ADD CONSTRAINT conversations_team_fk FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id);
      CREATE INDEX conversations_by_team ON conversations (tenant_id, team_id, last_message_at DESC, id DESC)
        WHERE team_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX conversations_by_team;
      ALTER TABLE conversations DROP COLUMN team_id;
      DROP TABLE routing_rules;
      DROP TABLE team_round_robin;
      DROP TABLE team_members;
      DROP TABLE teams;
      ALTER TABLE users DROP COLUMN away;
    `);
  }
}
