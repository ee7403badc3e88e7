import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Tenants, their key ring, the conversation store and the audit trail.
 * Encrypted columns are `bytea` ciphertexts (see libs/crypto); `*_bidx` are keyed blind indexes.
 * Child tables reference parents by (tenant_id, id) so a row can never point into another tenant.
 */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_current_tenant() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

      CREATE TABLE practices (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE practices ENABLE ROW LEVEL SECURITY;
      ALTER TABLE practices FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON practices
        USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant());

      CREATE TABLE tenant_keys (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        purpose text NOT NULL CHECK (purpose IN ('data', 'index')),
        version integer NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('active', 'retired')),
        wrapped_key bytea NOT NULL,
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        UNIQUE (tenant_id, purpose, version)
      );
      CREATE UNIQUE INDEX tenant_keys_one_active ON tenant_keys (tenant_id, purpose) WHERE status = 'active';
      ${tenantRlsSql('tenant_keys')}

      CREATE TABLE contacts (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        name_enc bytea,
        phone_enc bytea,
        email_enc bytea,
        date_of_birth_enc bytea,
        name_bidx bytea,
        phone_bidx bytea,
        email_bidx bytea,
        lead_stage text CHECK (lead_stage IN ('new', 'contacted', 'scheduled', 'patient', 'lost')),
        last_activity_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      );
      CREATE INDEX contacts_phone_bidx ON contacts (tenant_id, phone_bidx) WHERE phone_bidx IS NOT NULL;
      CREATE INDEX contacts_email_bidx ON contacts (tenant_id, email_bidx) WHERE email_bidx IS NOT NULL;
      CREATE INDEX contacts_name_bidx ON contacts (tenant_id, name_bidx) WHERE name_bidx IS NOT NULL;
      ${tenantRlsSql('contacts')}

      CREATE TABLE conversations (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        contact_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'closed', 'snoozed')),
        priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        assignee_id uuid,
        last_message_at timestamptz,
        last_message_preview_enc bytea,
        last_channel text,
        unread_count integer NOT NULL DEFAULT 0 CHECK (unread_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
      );
      CREATE INDEX conversations_inbox ON conversations (tenant_id, last_message_at DESC, id DESC);
      CREATE INDEX conversations_contact ON conversations (tenant_id, contact_id);
      ${tenantRlsSql('conversations')}

      CREATE TABLE messages (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        conversation_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'email', 'webform', 'chat', 'portal')),
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        kind text NOT NULL DEFAULT 'message' CHECK (kind IN ('message', 'note', 'system')),
        body_enc bytea,
        status text NOT NULL,
        delivery_route text CHECK (delivery_route IN ('plain', 'secure_link', 'chat')),
        provider_message_id text,
        error_code text,
        error_message text,
        author_user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
      );
      CREATE INDEX messages_conversation ON messages (tenant_id, conversation_id, created_at DESC, id DESC);
      ${tenantRlsSql('messages')}

      -- Append-only, hash-chained per tenant: seq is gapless per tenant, hash covers prev_hash.
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        seq bigint NOT NULL CHECK (seq > 0),
        prev_hash bytea,
        hash bytea NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'patient', 'provider', 'system')),
        actor_id text NOT NULL,
        action text NOT NULL,
        target_type text,
        target_id text,
        outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
        ip text,
        user_agent text,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        UNIQUE (tenant_id, seq)
      );
      CREATE INDEX audit_events_time ON audit_events (tenant_id, occurred_at, seq);
      CREATE INDEX audit_events_target ON audit_events (tenant_id, target_id, seq) WHERE target_id IS NOT NULL;
      CREATE INDEX audit_events_actor ON audit_events (tenant_id, actor_id, seq);
      ${tenantRlsSql('audit_events')}

      -- Events committed with the work they describe, waiting (milliseconds) to be chained into
      -- audit_events by the sealer. Same content; deleted only by the sealer as it chains them.
      CREATE TABLE audit_outbox (
        pos bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        occurred_at timestamptz NOT NULL,
        actor_type text NOT NULL,
        actor_id text NOT NULL,
        action text NOT NULL,
        target_type text,
        target_id text,
        outcome text NOT NULL,
        ip text,
        user_agent text,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX audit_outbox_tenant ON audit_outbox (tenant_id, pos);
      ${tenantRlsSql('audit_outbox')}

      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
      CREATE TRIGGER audit_outbox_no_update BEFORE UPDATE ON audit_outbox
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_events; DROP TABLE audit_outbox; DROP FUNCTION audit_events_refuse_change();
      DROP TABLE messages; DROP TABLE conversations; DROP TABLE contacts;
      DROP TABLE tenant_keys; DROP TABLE practices; DROP FUNCTION app_current_tenant();
    `);
  }
}
