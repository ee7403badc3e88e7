import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff identity hardening (issue 19).
 *
 * - `user_invites.revoked_at/_reason`: an invitation dies when its user's role or active state
 *   changes, when its inviter loses the power to invite, and when a newer one replaces it.
 * - `login_directory.claim_expires_at`: an invited user without a password holds their email
 *   only while a live invitation exists (NULL: held for good, i.e. the user has a password).
 *   A lapsed claim is free: any practice may take the email over.
 * - The app role may UPDATE the directory (grant in app-role.ts), but only rows of its own
 *   tenant, or (restrictive policy) provisional claims, which the login path names by email.
 */
export class IdentityHardening1765400000000 implements MigrationInterface {
  name = 'IdentityHardening1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_invites
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN revoked_reason text;
      CREATE INDEX user_invites_pending_by_user ON user_invites (tenant_id, user_id)
        WHERE accepted_at IS NULL AND revoked_at IS NULL;
      CREATE INDEX user_invites_pending_by_creator ON user_invites (tenant_id, created_by)
        WHERE accepted_at IS NULL AND revoked_at IS NULL;

      ALTER TABLE login_directory ADD COLUMN claim_expires_at timestamptz;
      UPDATE login_directory d
        SET claim_expires_at = coalesce(
          (SELECT max(i.expires_at) FROM user_invites i
            WHERE i.tenant_id = d.tenant_id AND i.user_id = d.user_id AND i.accepted_at IS NULL),
          now())
        FROM users u
        WHERE u.tenant_id = d.tenant_id AND u.id = d.user_id AND u.password_hash IS NULL;

      CREATE POLICY update_own_or_provisional ON login_directory AS RESTRICTIVE FOR UPDATE
        USING (tenant_id = app_current_tenant() OR claim_expires_at IS NOT NULL)
        WITH CHECK (tenant_id = app_current_tenant());
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY update_own_or_provisional ON login_directory;
      ALTER TABLE login_directory DROP COLUMN claim_expires_at;
      DROP INDEX user_invites_pending_by_creator;
      DROP INDEX user_invites_pending_by_user;
      ALTER TABLE user_invites DROP COLUMN revoked_reason, DROP COLUMN revoked_at;
    `);
  }
}
