import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Account recovery (issue 22).
 *
 * - `password_reset_tokens`: single-use tokens of "forgot password", stored as the SHA-256 of
 *   their secret (the token itself names tenant and row, like invitations, so the reset needs no
 *   pre-tenant route). A newer request, a completed reset or a password change revokes the
 *   others of the user.
 * - `users.mfa_reset_at`: an owner or admin reset the user's MFA; until the user enrols again,
 *   every session they open must enrol first, whatever their role and the practice policy.
 */
export class AccountRecovery1766000000000 implements MigrationInterface {
  name = 'AccountRecovery1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        user_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
      );
      CREATE INDEX password_reset_tokens_by_user ON password_reset_tokens (tenant_id, user_id, created_at);
      ${tenantRlsSql('password_reset_tokens')}

      ALTER TABLE users ADD COLUMN mfa_reset_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users DROP COLUMN mfa_reset_at;
      DROP TABLE password_reset_tokens;
    `);
  }
}
