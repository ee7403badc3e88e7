import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Email addresses SendGrid says not to write to again (hard bounce, drop, spam report,
 * unsubscribe), per practice: the reply gate blocks email to them. Append-only, like SMS
 * opt-outs; the current state is the latest event for the address.
 */
export class EmailSuppressions1764800000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_suppression_events (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        address_bidx bytea NOT NULL,
        action text NOT NULL CHECK (action IN ('suppress', 'lift')),
        reason text NOT NULL CHECK (reason IN ('bounce', 'dropped', 'spamreport', 'unsubscribe', 'staff')),
        message_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
      );
      CREATE INDEX email_suppression_current
        ON email_suppression_events (tenant_id, address_bidx, recorded_at DESC, id DESC);
      ${tenantRlsSql('email_suppression_events')}
      CREATE TRIGGER email_suppression_events_append_only BEFORE UPDATE OR DELETE ON email_suppression_events
        FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
      CREATE TRIGGER email_suppression_events_no_truncate BEFORE TRUNCATE ON email_suppression_events
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_suppression_events`);
  }
}
