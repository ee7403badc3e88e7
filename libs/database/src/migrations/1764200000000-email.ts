import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Email ingestion (issue 4, SendGrid): sanitized HTML bodies, per-conversation reply addresses,
 * the Message-IDs threads are matched by, and the Event Webhook's dedupe ledger.
 */
export class Email1764200000000 implements MigrationInterface {
  name = 'Email1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The HTML part of an email, already sanitized (tenant cipher, 'messages.body_html'):
      -- raw HTML from the sender is never stored, so it can never be served.
      ALTER TABLE messages ADD COLUMN body_html_enc bytea;

      -- reply+<token>@<inbound domain>: a random token per outbound email, stored as its SHA-256
      -- only. It names a conversation without carrying anything about the patient.
      CREATE TABLE email_reply_tokens (
        token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
        tenant_id uuid NOT NULL REFERENCES practices(id),
        channel_id uuid NOT NULL,
        conversation_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id),
        FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
      );
      ${tenantRlsSql('email_reply_tokens')}

      -- Message-IDs of the emails of a conversation (inbound and, later, outbound), as keyed
      -- blind indexes, so In-Reply-To / References find the thread without storing the header.
      CREATE TABLE email_message_refs (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        ref_index bytea NOT NULL,
        conversation_id uuid NOT NULL,
        message_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, ref_index),
        FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
      );
      ${tenantRlsSql('email_message_refs')}

      -- SendGrid Event Webhook events already applied (sg_event_id), so a retried batch is a no-op.
      CREATE TABLE sendgrid_events (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        sg_event_id text NOT NULL CHECK (length(sg_event_id) BETWEEN 1 AND 100),
        channel_id uuid NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, sg_event_id),
        FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id)
      );
      ${tenantRlsSql('sendgrid_events')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE sendgrid_events;
      DROP TABLE email_message_refs;
      DROP TABLE email_reply_tokens;
      ALTER TABLE messages DROP COLUMN body_html_enc;
    `);
  }
}
