import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Staff identity: users, their sessions and rotating refresh tokens, MFA recovery codes, invites,
 * and the login directory (email -> tenant) that login needs before it knows the tenant.
 * Staff emails are workforce data (not patient PHI): stored in plain text, never logged.
 */
export class Identity1763950000000 implements MigrationInterface {
  name = 'Identity1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
        email_normalized text NOT NULL CHECK (email_normalized = lower(email_normalized)),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'provider', 'front_desk', 'billing')),
        active boolean NOT NULL DEFAULT true,
        -- NULL until an invited user sets a password.
        password_hash text,
        -- Bumped when every token of the user must die (deactivation, password change).
        token_version integer NOT NULL DEFAULT 1 CHECK (token_version > 0),
        failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
        locked_until timestamptz,
        mfa_enabled boolean NOT NULL DEFAULT false,
        totp_secret_enc bytea,
        totp_pending_secret_enc bytea,
        -- Last TOTP time step accepted: a code is never accepted twice.
        totp_last_step bigint,
        last_login_at timestamptz,
        deactivated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, email_normalized),
        CHECK (NOT mfa_enabled OR totp_secret_enc IS NOT NULL)
      );
      ${tenantRlsSql('users')}

      -- Login happens before the tenant is known. Emails are unique across the deployment.
      -- Under RLS like every table the app role touches: a tenant sees its own entries, and the
      -- login path sees exactly the entry of the email it names (SET LOCAL app.login_email).
      CREATE TABLE login_directory (
        email_normalized text PRIMARY KEY CHECK (email_normalized = lower(email_normalized)),
        user_id uuid NOT NULL UNIQUE,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
      );
      ALTER TABLE login_directory ENABLE ROW LEVEL SECURITY;
      ALTER TABLE login_directory FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON login_directory
        USING (
          tenant_id = app_current_tenant()
          OR email_normalized = nullif(current_setting('app.login_email', true), '')
        )
        WITH CHECK (tenant_id = app_current_tenant());

      -- One login = one session = one refresh-token family.
      CREATE TABLE user_sessions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        user_id uuid NOT NULL,
        mfa_state text NOT NULL CHECK (mfa_state IN ('passed', 'not_required', 'enrollment_required')),
        created_at timestamptz NOT NULL,
        -- Written at most about once a minute (Redis holds the exact value).
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        ip text,
        user_agent text,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
      );
      CREATE INDEX user_sessions_user_live ON user_sessions (tenant_id, user_id) WHERE revoked_at IS NULL;
      ${tenantRlsSql('user_sessions')}

      -- Every refresh token ever issued for a session, by SHA-256 of its secret. A spent one
      -- presented again means the family leaked: the session is revoked.
      CREATE TABLE session_refresh_tokens (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        session_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        spent_at timestamptz,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, session_id) REFERENCES user_sessions (tenant_id, id)
      );
      CREATE INDEX session_refresh_tokens_session ON session_refresh_tokens (tenant_id, session_id);
      ${tenantRlsSql('session_refresh_tokens')}

      CREATE TABLE user_recovery_codes (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        user_id uuid NOT NULL,
        code_hash bytea NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, user_id, code_hash),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
      );
      ${tenantRlsSql('user_recovery_codes')}

      CREATE TABLE user_invites (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        user_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        created_by uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
      );
      ${tenantRlsSql('user_invites')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE user_invites; DROP TABLE user_recovery_codes; DROP TABLE session_refresh_tokens;
      DROP TABLE user_sessions; DROP TABLE login_directory; DROP TABLE users;
    `);
  }
}
