import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Email addresses whose mail server could not take a TLS-required email (issue 25): SendGrid's
 * Enforced TLS dropped a plain PHI email to it ("TLS required but not supported"). One row per
 * refused message (a redelivered event adds nothing), keyed by the address's blind index only;
 * the reply gate sends a consented email to the address as a secure link until `recheck_at`
 * (the practice's re-check period after the refusal), then tries plain over TLS again.
 * Append-only, like the other address ledgers, and like them it names the refused message
 * without a foreign key: the row is the address's record and outlives the message when the
 * practice's retention purges it.
 */
export class EmailTlsRefusals1767100000000 implements MigrationInterface {
  name = 'EmailTlsRefusals1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_tls_refusals (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        message_id uuid NOT NULL,
        address_bidx bytea NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        recheck_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, message_id),
        CHECK (recheck_at > recorded_at)
      );
      CREATE INDEX email_tls_refusals_current ON email_tls_refusals (tenant_id, address_bidx, recheck_at DESC);
      ${tenantRlsSql('email_tls_refusals')}
      CREATE TRIGGER email_tls_refusals_append_only BEFORE UPDATE OR DELETE ON email_tls_refusals
        FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
      CREATE TRIGGER email_tls_refusals_no_truncate BEFORE TRUNCATE ON email_tls_refusals
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_tls_refusals`);
  }
}
