import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A keyed audit chain: each event names the audit key that sealed it (HMAC-SHA256 under a key
 * derived from MASTER_KEY, which the database never holds). Events sealed before this have no
 * key id: they stay verifiable as the legacy plain SHA-256 links, and the first keyed event
 * chains onto their head. Who may write audit_events is provisioned by `npm run migrate`
 * (AUDIT_TABLE_GRANTS: the sealer role only).
 */
export class AuditIntegrity1765100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_events ADD COLUMN key_id text CHECK (key_id ~ '^[0-9a-f]{16}$');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP COLUMN key_id`);
  }
}
