import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * The consent ledger and the SMS opt-out ledger: append-only (a trigger refuses UPDATE and
 * DELETE; the app role may only SELECT and INSERT). Current state is the latest record per
 * key. Addresses are stored encrypted, looked up by blind index.
 */
export class Consent1764100000000 implements MigrationInterface {
  name = 'Consent1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;

      CREATE TABLE consent_records (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        contact_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'email')),
        address_enc bytea NOT NULL,
        address_bidx bytea NOT NULL,
        decision text NOT NULL CHECK (decision IN ('granted', 'declined', 'revoked')),
        method text NOT NULL CHECK (method IN ('sms_keyword', 'email_link', 'web_link', 'verbal_attested',
          'written_attested', 'form_checkbox', 'opt_out_keyword', 'provider_opt_out', 'staff_revoked')),
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'patient', 'provider', 'system')),
        actor_id text NOT NULL,
        consent_request_id uuid,
        inbound_message_id uuid,
        -- IP, user agent, attestation text: encrypted JSON (it may quote the patient).
        evidence_enc bytea,
        disclosure_version text,
        disclosure_hash bytea,
        -- Set when a contact merge carried this record over from another contact.
        copied_from uuid REFERENCES consent_records(id),
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
        CHECK (decision <> 'granted' OR disclosure_hash IS NOT NULL)
      );
      CREATE INDEX consent_records_current
        ON consent_records (tenant_id, contact_id, channel, address_bidx, recorded_at DESC, id DESC);
      ${tenantRlsSql('consent_records')}
      CREATE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records
        FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
      CREATE TRIGGER consent_records_no_truncate BEFORE TRUNCATE ON consent_records
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();

      -- Opt-out is per practice and phone number (all of the practice's sender numbers).
      CREATE TABLE sms_opt_out_events (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        phone_enc bytea NOT NULL,
        phone_bidx bytea NOT NULL,
        action text NOT NULL CHECK (action IN ('opt_out', 'opt_in')),
        source text NOT NULL CHECK (source IN ('keyword', 'provider', 'staff')),
        keyword text,
        inbound_message_id uuid,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'patient', 'provider', 'system')),
        actor_id text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX sms_opt_out_current ON sms_opt_out_events (tenant_id, phone_bidx, recorded_at DESC, id DESC);
      ${tenantRlsSql('sms_opt_out_events')}
      CREATE TRIGGER sms_opt_out_events_append_only BEFORE UPDATE OR DELETE ON sms_opt_out_events
        FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
      CREATE TRIGGER sms_opt_out_events_no_truncate BEFORE TRUNCATE ON sms_opt_out_events
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE sms_opt_out_events; DROP TABLE consent_records; DROP FUNCTION refuse_change_append_only();
    `);
  }
}
