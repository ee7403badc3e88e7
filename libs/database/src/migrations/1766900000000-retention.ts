import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Retention and legal hold (issue 24).
 *
 * - `legal_holds` (conversations): a hold on the whole practice (`contact_id` null) or on one
 *   contact, placed and released by staff; while one is active nothing of it is purged. A
 *   released hold stays as a row (who released it, when); at most one active hold per contact
 *   and one on the practice.
 * - `practices` policy `retention_sweep`: under app.retention_sweep the worker's retention sweep
 *   may read every practice (it selects the ids and the retention settings).
 * - Indexes on the columns that reference `messages` and had none, so the foreign-key checks of
 *   a message delete and the purge's "kept as evidence" reads are index lookups, not scans:
 *   unsubscribe links, consent requests (and their form submission), email suppressions, the
 *   inbound message of consent records and opt-out events, and portal replies' secure link.
 */
export class Retention1766900000000 implements MigrationInterface {
  name = 'Retention1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE legal_holds (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        contact_id uuid,
        placed_by uuid NOT NULL,
        placed_at timestamptz NOT NULL DEFAULT now(),
        released_by uuid,
        released_at timestamptz,
        UNIQUE (tenant_id, id),
        CHECK ((released_by IS NULL) = (released_at IS NULL)),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
        FOREIGN KEY (tenant_id, placed_by) REFERENCES users (tenant_id, id),
        FOREIGN KEY (tenant_id, released_by) REFERENCES users (tenant_id, id)
      );
      CREATE UNIQUE INDEX legal_holds_active_contact ON legal_holds (tenant_id, contact_id)
        WHERE released_at IS NULL AND contact_id IS NOT NULL;
      CREATE UNIQUE INDEX legal_holds_active_practice ON legal_holds (tenant_id)
        WHERE released_at IS NULL AND contact_id IS NULL;
      CREATE INDEX legal_holds_list ON legal_holds (tenant_id, placed_at DESC, id DESC);
      ${tenantRlsSql('legal_holds')}

      CREATE POLICY retention_sweep ON practices FOR SELECT
        USING (current_setting('app.retention_sweep', true) = 'on');

      CREATE INDEX unsubscribe_links_message ON unsubscribe_links (tenant_id, message_id);
      CREATE INDEX consent_requests_message ON consent_requests (tenant_id, message_id)
        WHERE message_id IS NOT NULL;
      CREATE INDEX consent_requests_form_submission ON consent_requests (tenant_id, form_submission_id)
        WHERE form_submission_id IS NOT NULL;
      CREATE INDEX email_suppression_events_message ON email_suppression_events (tenant_id, message_id)
        WHERE message_id IS NOT NULL;
      CREATE INDEX consent_records_inbound_message ON consent_records (tenant_id, inbound_message_id)
        WHERE inbound_message_id IS NOT NULL;
      CREATE INDEX sms_opt_out_events_inbound_message ON sms_opt_out_events (tenant_id, inbound_message_id)
        WHERE inbound_message_id IS NOT NULL;
      CREATE INDEX messages_portal_link ON messages (tenant_id, portal_link_id)
        WHERE portal_link_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX messages_portal_link;
      DROP INDEX sms_opt_out_events_inbound_message;
      DROP INDEX consent_records_inbound_message;
      DROP INDEX email_suppression_events_message;
      DROP INDEX consent_requests_form_submission;
      DROP INDEX consent_requests_message;
      DROP INDEX unsubscribe_links_message;
      DROP POLICY retention_sweep ON practices;
      DROP TABLE legal_holds;
    `);
  }
}
