import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Public intake (issue 4): web form submissions (structured fields kept encrypted) and website
 * chat sessions (a visitor's bearer token, stored only as a hash) with the messages of each session.
 */
export class Intake1764300000000 implements MigrationInterface {
  name = 'Intake1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One row per accepted form submission; fields_enc is the tenant cipher ('form_submissions.fields').
      CREATE TABLE form_submissions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        channel_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        message_id uuid NOT NULL,
        fields_enc bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
      );
      ${tenantRlsSql('form_submissions')}

      -- Website chat visitors. The public endpoints know only the session id (not secret) and
      -- the bearer token (secret; SHA-256 stored): like channel_routes, the routing path sees
      -- exactly the one session it names (SET LOCAL app.route_chat_session_id), nothing else.
      CREATE TABLE chat_sessions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        channel_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        -- Idle expiry, pushed forward by visitor activity.
        expires_at timestamptz NOT NULL,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
      );
      ALTER TABLE chat_sessions ENABLE ROW LEVEL SECURITY;
      ALTER TABLE chat_sessions FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON chat_sessions
        USING (
          tenant_id = app_current_tenant()
          OR id = nullif(current_setting('app.route_chat_session_id', true), '')::uuid
        )
        WITH CHECK (tenant_id = app_current_tenant());

      -- The messages (both directions) of a session, in the order the visitor sees them.
      CREATE TABLE chat_messages (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        session_id uuid NOT NULL,
        message_id uuid NOT NULL,
        seq bigserial NOT NULL,
        PRIMARY KEY (tenant_id, message_id),
        FOREIGN KEY (tenant_id, session_id) REFERENCES chat_sessions (tenant_id, id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
      );
      CREATE INDEX chat_messages_session ON chat_messages (tenant_id, session_id, seq);
      ${tenantRlsSql('chat_messages')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chat_messages; DROP TABLE chat_sessions; DROP TABLE form_submissions;`);
  }
}
