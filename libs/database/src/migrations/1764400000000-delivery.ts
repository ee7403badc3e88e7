import type { MigrationInterface, QueryRunner } from 'typeorm';
import { routedRlsSql, tenantRlsSql } from './rls.js';

/**
 * Outbound delivery (issue 5): where a reply goes and why, the durable outbox the relay feeds
 * BullMQ from, every provider attempt persisted before the call, secure-message links and
 * QuickSend consent requests (link tokens stored only as SHA-256).
 */
export class Delivery1764400000000 implements MigrationInterface {
  name = 'Delivery1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Outbound messages: the exact address (encrypted; blind index for the send-time lock and
      -- lookups), the gate's reason for a secure route or a block, and what a system message is.
      ALTER TABLE messages
        ADD COLUMN to_address_enc bytea,
        ADD COLUMN to_address_bidx bytea,
        ADD COLUMN route_reason text CHECK (route_reason ~ '^[a-z_]{1,64}$'),
        ADD COLUMN template text CHECK (template IN ('consent_request')),
        ADD COLUMN consent_request_id uuid;

      -- Messages that must still reach a provider: written with the message, removed when it
      -- reaches a final dispatch outcome. The relay (re)enqueues due rows, leasing them for a
      -- while, so a job lost with Redis is enqueued again. Ids only, no PHI.
      CREATE TABLE delivery_outbox (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        message_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'email')),
        available_at timestamptz NOT NULL DEFAULT now(),
        relays integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, message_id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
      );
      CREATE INDEX delivery_outbox_due ON delivery_outbox (available_at);
      -- The relay claims due rows of every practice: the policy lets a transaction that set
      -- app.outbox_relay see all rows of this ids-only table (and nothing else anywhere).
      ${routedRlsSql('delivery_outbox', `current_setting('app.outbox_relay', true) = 'on'`)}

      -- One row per provider call, written and committed BEFORE the call: an attempt with no
      -- outcome after a crash means "maybe sent", so the retry looks at the provider first.
      CREATE TABLE delivery_attempts (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        message_id uuid NOT NULL,
        attempt integer NOT NULL CHECK (attempt >= 1),
        route text NOT NULL CHECK (route IN ('plain', 'secure_link', 'system')),
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        outcome text CHECK (outcome IN ('accepted', 'rejected', 'retry', 'found_at_provider', 'not_found')),
        error_code text CHECK (error_code ~ '^[A-Za-z0-9_.-]{1,64}$'),
        UNIQUE (tenant_id, message_id, attempt),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
      );
      ${tenantRlsSql('delivery_attempts')}

      -- Secure-message links: a random 256-bit token, only its SHA-256 stored, bound to one
      -- contact and the address the notice went to. The patient pages find a link by its hash
      -- before any tenant is known (SET LOCAL app.route_link_token_hash).
      CREATE TABLE secure_links (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        contact_id uuid NOT NULL,
        message_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'email')),
        address_enc bytea NOT NULL,
        address_bidx bytea NOT NULL,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        expires_at timestamptz NOT NULL,
        retracted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
      );
      CREATE INDEX secure_links_message ON secure_links (tenant_id, message_id);
      ${routedRlsSql(
        'secure_links',
        `token_hash = decode(nullif(current_setting('app.route_link_token_hash', true), ''), 'hex')`,
      )}

      -- QuickSend consent requests. One live request per contact + channel (re-requesting
      -- supersedes); an SMS YES/NO answers only a live, unexpired request sent to that number.
      CREATE TABLE consent_requests (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        contact_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'email')),
        address_enc bytea NOT NULL,
        address_bidx bytea NOT NULL,
        disclosure_version text NOT NULL,
        status text NOT NULL CHECK (status IN ('live', 'answered', 'superseded', 'cancelled')),
        -- SHA-256 of the consent-page token, set when the request is sent.
        token_hash bytea UNIQUE CHECK (length(token_hash) = 32),
        message_id uuid,
        requested_by uuid,
        answer text CHECK (answer IN ('granted', 'declined')),
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
      );
      CREATE UNIQUE INDEX consent_requests_one_live ON consent_requests (tenant_id, contact_id, channel)
        WHERE status = 'live';
      CREATE INDEX consent_requests_live_address ON consent_requests (tenant_id, channel, address_bidx)
        WHERE status = 'live';
      CREATE INDEX consent_requests_contact ON consent_requests (tenant_id, contact_id, created_at DESC);
      ${routedRlsSql(
        'consent_requests',
        `token_hash = decode(nullif(current_setting('app.route_link_token_hash', true), ''), 'hex')`,
      )}
      ALTER TABLE messages ADD FOREIGN KEY (tenant_id, consent_request_id) REFERENCES consent_requests (tenant_id, id);

      -- The reply gate asks whether the contact is in a live website chat.
      CREATE INDEX chat_sessions_contact ON chat_sessions (tenant_id, contact_id, last_seen_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX chat_sessions_contact;
      ALTER TABLE messages DROP COLUMN consent_request_id;
      DROP TABLE consent_requests; DROP TABLE secure_links; DROP TABLE delivery_attempts; DROP TABLE delivery_outbox;
      ALTER TABLE messages DROP COLUMN template, DROP COLUMN route_reason,
        DROP COLUMN to_address_bidx, DROP COLUMN to_address_enc;
    `);
  }
}
