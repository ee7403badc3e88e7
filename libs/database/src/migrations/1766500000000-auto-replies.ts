import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Auto-replies (issue 23), owned by automation.
 *
 * - `auto_reply_settings`: one row per practice (none: auto-replies off). The templates are
 *   PHI-free practice text (validated: plain text, bounded, only `{practiceName}`,
 *   `{practicePhone}`, `{nextOpening}`, `{link}`), kept in clear like canned responses, as
 *   `{afterHours: {sms?, email?, chat?, webform?}, firstContact: {...}}`.
 * - `auto_reply_sends`: the last auto-reply per contact and inbound channel, the throttle. Written
 *   by one `INSERT ... ON CONFLICT DO UPDATE ... WHERE last_sent_at <= cutoff RETURNING`, so of
 *   two concurrent inbound messages only one may answer.
 * - `messages.template` gains `auto_reply` (a system message whose body is the rendered text).
 */
export class AutoReplies1766500000000 implements MigrationInterface {
  name = 'AutoReplies1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages DROP CONSTRAINT messages_template_check;
      ALTER TABLE messages ADD CONSTRAINT messages_template_check
        CHECK (template IN ('consent_request', 'portal_code', 'chat_code', 'secure_reminder', 'auto_reply'));

      CREATE TABLE auto_reply_settings (
        tenant_id uuid PRIMARY KEY REFERENCES practices(id),
        after_hours_enabled boolean NOT NULL DEFAULT false,
        first_contact_enabled boolean NOT NULL DEFAULT false,
        templates jsonb NOT NULL DEFAULT '{}'::jsonb,
        throttle_hours integer NOT NULL DEFAULT 12 CHECK (throttle_hours BETWEEN 1 AND 168),
        practice_phone text,
        link text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      ${tenantRlsSql('auto_reply_settings')}

      CREATE TABLE auto_reply_sends (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        contact_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'email', 'webform', 'chat')),
        last_sent_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, contact_id, channel),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
      );
      ${tenantRlsSql('auto_reply_sends')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE auto_reply_sends;
      DROP TABLE auto_reply_settings;
      UPDATE messages SET template = NULL WHERE template = 'auto_reply';
      ALTER TABLE messages DROP CONSTRAINT messages_template_check;
      ALTER TABLE messages ADD CONSTRAINT messages_template_check
        CHECK (template IN ('consent_request', 'portal_code', 'chat_code', 'secure_reminder'));
    `);
  }
}
