import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent is the patient's (invariant 11, issue 19).
 *
 * - A ticked consent box on a web form is evidence of intent, not consent: the submission keeps
 *   what the form showed (`consent_disclosures`: per ticked channel, the disclosure version and
 *   SHA-256) and the client's address and user agent (`client_evidence_enc`, encrypted), and a
 *   consent request to that address names it (`consent_requests.form_submission_id`). Nothing is
 *   granted until the patient answers that request from the address.
 * - A request whose message failed or ended undelivered was never seen: it is `failed`, no longer
 *   live, so no later YES answers it. A trigger ties it to its message's status, whichever path
 *   writes the failure (the dispatcher, Twilio status callbacks, SendGrid events, the relay
 *   giving up); its WHEN clause keeps every other status update free of it.
 */
export class ConsentDoubleOptIn1765500000000 implements MigrationInterface {
  name = 'ConsentDoubleOptIn1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE form_submissions
        ADD COLUMN consent_disclosures jsonb,
        ADD COLUMN client_evidence_enc bytea;

      ALTER TABLE consent_requests
        ADD COLUMN form_submission_id uuid,
        ADD CONSTRAINT consent_requests_form_submission_fk
          FOREIGN KEY (tenant_id, form_submission_id) REFERENCES form_submissions (tenant_id, id),
        DROP CONSTRAINT consent_requests_status_check,
        ADD CONSTRAINT consent_requests_status_check
          CHECK (status IN ('live', 'answered', 'superseded', 'cancelled', 'failed'));

      CREATE FUNCTION fail_consent_request_of_message() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE consent_requests SET status = 'failed'
        WHERE tenant_id = NEW.tenant_id AND id = NEW.consent_request_id AND status = 'live';
        RETURN NULL;
      END $$;
      CREATE TRIGGER messages_fail_consent_request AFTER UPDATE OF status ON messages
        FOR EACH ROW WHEN (NEW.consent_request_id IS NOT NULL AND NEW.status IN ('failed', 'undelivered'))
        EXECUTE FUNCTION fail_consent_request_of_message();

      UPDATE consent_requests r SET status = 'failed' FROM messages m
      WHERE m.tenant_id = r.tenant_id AND m.consent_request_id = r.id AND r.status = 'live'
        AND m.status IN ('failed', 'undelivered');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER messages_fail_consent_request ON messages;
      DROP FUNCTION fail_consent_request_of_message();
      UPDATE consent_requests SET status = 'cancelled' WHERE status = 'failed';
      ALTER TABLE consent_requests
        DROP CONSTRAINT consent_requests_status_check,
        ADD CONSTRAINT consent_requests_status_check
          CHECK (status IN ('live', 'answered', 'superseded', 'cancelled')),
        DROP COLUMN form_submission_id;
      ALTER TABLE form_submissions DROP COLUMN client_evidence_enc, DROP COLUMN consent_disclosures;
    `);
  }
}
