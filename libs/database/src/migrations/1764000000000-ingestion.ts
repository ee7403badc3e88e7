import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Ingestion (issue 4): the channel registry, the pre-tenant routing table webhooks need,
 * attachments, and what the conversation store needs to take inbound messages idempotently.
 */
export class Ingestion1764000000000 implements MigrationInterface {
  name = 'Ingestion1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A practice's SMS numbers, inbound email addresses, web forms and chat widgets.
      -- config: non-secret settings; credentials_enc: provider secrets (tenant cipher, 'channels.credentials').
      CREATE TABLE channels (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        type text NOT NULL CHECK (type IN ('sms', 'email', 'webform', 'chat')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        config jsonb NOT NULL DEFAULT '{}'::jsonb,
        credentials_enc bytea,
        -- Form / widget key (public by design: it is embedded in the practice's website).
        public_key text UNIQUE,
        -- SHA-256 of the secret in the inbound-parse URL; the secret itself is never stored.
        inbound_secret_hash bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        UNIQUE (tenant_id, id)
      );
      CREATE INDEX channels_live ON channels (tenant_id, created_at) WHERE deleted_at IS NULL;
      ${tenantRlsSql('channels')}

      -- Webhooks and public intake arrive before any tenant is known: channel id (or public key)
      -- -> tenant. Routing data only, no PHI, written with the channel in one transaction.
      -- Under RLS like every table the app role touches: a tenant sees its own routes, and the
      -- routing path sees exactly the route it names (SET LOCAL app.route_channel_id /
      -- app.route_public_key); nobody can list another practice's channels.
      CREATE TABLE channel_routes (
        channel_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        type text NOT NULL CHECK (type IN ('sms', 'email', 'webform', 'chat')),
        active boolean NOT NULL DEFAULT true,
        public_key text UNIQUE,
        FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id)
      );
      ALTER TABLE channel_routes ENABLE ROW LEVEL SECURITY;
      ALTER TABLE channel_routes FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON channel_routes
        USING (
          tenant_id = app_current_tenant()
          OR channel_id = nullif(current_setting('app.route_channel_id', true), '')::uuid
          OR public_key = nullif(current_setting('app.route_public_key', true), '')
        )
        WITH CHECK (tenant_id = app_current_tenant());

      -- Conversations: the contact match was a guess among several contacts sharing an address;
      -- closed_at drives the reopen window (kept by a trigger, whoever changes the status).
      ALTER TABLE conversations
        ADD COLUMN contact_ambiguous boolean NOT NULL DEFAULT false,
        ADD COLUMN closed_at timestamptz;
      -- One conversation per contact that is not closed (open, pending or snoozed), across channels.
      CREATE UNIQUE INDEX conversations_one_active ON conversations (tenant_id, contact_id)
        WHERE status <> 'closed';
      CREATE INDEX conversations_contact_closed ON conversations (tenant_id, contact_id, closed_at DESC)
        WHERE status = 'closed';
      CREATE FUNCTION conversations_track_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'closed' THEN
          IF TG_OP = 'INSERT' OR OLD.status <> 'closed' THEN NEW.closed_at := now(); END IF;
        ELSE
          NEW.closed_at := NULL;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER conversations_closed_at BEFORE INSERT OR UPDATE OF status ON conversations
        FOR EACH ROW EXECUTE FUNCTION conversations_track_closed_at();

      -- Messages: who sent it and through which channel; provider ids make webhooks idempotent.
      ALTER TABLE messages
        ADD COLUMN contact_id uuid,
        ADD COLUMN channel_id uuid,
        -- The exact webhook answer (e.g. a keyword reply; fixed templates, never PHI) so that a
        -- provider retry of the same message gets the same answer. NULL = the empty default.
        ADD COLUMN provider_reply text,
        ADD FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
        ADD FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id);
      CREATE UNIQUE INDEX messages_provider_id ON messages (tenant_id, channel, provider_message_id)
        WHERE provider_message_id IS NOT NULL;

      -- Media of inbound messages (MMS, email attachments), encrypted ('attachments.content').
      -- 'pending' rows are written with the message; fetching happens after it is committed.
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        message_id uuid NOT NULL,
        -- Order within the message (MediaUrl0, MediaUrl1, ...).
        position smallint NOT NULL CHECK (position >= 0),
        status text NOT NULL CHECK (status IN ('pending', 'stored', 'failed')),
        content_type text CHECK (length(content_type) <= 255),
        size_bytes integer CHECK (size_bytes >= 0),
        content_enc bytea,
        filename_enc bytea,
        source_url_enc bytea,
        -- A code (e.g. too_large, content_type_not_allowed, fetch_failed), never provider text.
        failure_reason text CHECK (failure_reason ~ '^[a-z_]{1,64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, message_id, position),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id),
        CHECK (status <> 'stored' OR (content_enc IS NOT NULL AND size_bytes IS NOT NULL)),
        CHECK (status <> 'failed' OR failure_reason IS NOT NULL)
      );
      ${tenantRlsSql('attachments')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE attachments;
      DROP INDEX messages_provider_id;
      ALTER TABLE messages DROP COLUMN provider_reply, DROP COLUMN channel_id, DROP COLUMN contact_id;
      DROP TRIGGER conversations_closed_at ON conversations;
      DROP FUNCTION conversations_track_closed_at();
      DROP INDEX conversations_contact_closed;
      DROP INDEX conversations_one_active;
      ALTER TABLE conversations DROP COLUMN closed_at, DROP COLUMN contact_ambiguous;
      DROP TABLE channel_routes;
      DROP TABLE channels;
    `);
  }
}
