import type { MigrationInterface, QueryRunner } from 'typeorm';
import { routedRlsSql, tenantRlsSql } from './rls.js';

/**
 * Patient portal (issue 6): lockout state on secure links, one-time verification codes (sent by
 * the delivery workers as a system message; only a keyed hash stored), and the "stop unencrypted
 * email" links carried by plain PHI emails (token stored as SHA-256 only).
 */
export class Portal1764600000000 implements MigrationInterface {
  name = 'Portal1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- 5 failed verifications lock a link for good (staff can send a new message).
      ALTER TABLE secure_links
        ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        ADD COLUMN locked_at timestamptz;

      -- Staff retracted this secure message: it leaves the patient's thread and its links die.
      ALTER TABLE messages ADD COLUMN retracted_at timestamptz;

      -- The code message is a system template like the consent request.
      ALTER TABLE messages DROP CONSTRAINT messages_template_check;
      ALTER TABLE messages ADD CONSTRAINT messages_template_check
        CHECK (template IN ('consent_request', 'portal_code'));

      -- One row per code requested from a link. The worker mints the code when it sends the
      -- message (code_hash NULL until then) and stores only HMAC(tenant index key, link id + code).
      CREATE TABLE portal_codes (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        link_id uuid NOT NULL,
        message_id uuid NOT NULL,
        code_hash bytea CHECK (length(code_hash) = 32),
        expires_at timestamptz,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, message_id),
        FOREIGN KEY (tenant_id, link_id) REFERENCES secure_links (tenant_id, id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
      );
      CREATE INDEX portal_codes_link ON portal_codes (tenant_id, link_id, created_at DESC);
      ${tenantRlsSql('portal_codes')}

      -- "Stop unencrypted email" links in plain PHI emails, bound to the contact and address.
      CREATE TABLE unsubscribe_links (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        contact_id uuid NOT NULL,
        message_id uuid NOT NULL,
        address_enc bytea NOT NULL,
        address_bidx bytea NOT NULL,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id)
      );
      ${routedRlsSql(
        'unsubscribe_links',
        `token_hash = decode(nullif(current_setting('app.route_link_token_hash', true), ''), 'hex')`,
      )}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE unsubscribe_links; DROP TABLE portal_codes;
      ALTER TABLE messages DROP CONSTRAINT messages_template_check;
      ALTER TABLE messages ADD CONSTRAINT messages_template_check CHECK (template IN ('consent_request'));
      ALTER TABLE messages DROP COLUMN retracted_at;
      ALTER TABLE secure_links DROP COLUMN locked_at, DROP COLUMN failed_attempts;
    `);
  }
}
