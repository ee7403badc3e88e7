import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A chat visitor proves the address they typed (issue 19): a one-time code sent by the delivery
 * workers to that phone or email, entered back in the chat.
 *
 * - `portal_codes` holds the codes of a secure link or of a chat session (exactly one of the two);
 *   the worker mints the code when it sends and stores only its keyed hash, as for the portal.
 * - `messages.template` gains `chat_code`, the PHI-free text carrying such a code.
 * - chat codes sent to an address are indexed, to cap how many one phone or email receives.
 * - `chat_sessions`: wrong codes counted (5 lock verification for the session for good) and when
 *   the visitor proved the address.
 */
export class ChatVerification1765900000000 implements MigrationInterface {
  name = 'ChatVerification1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages DROP CONSTRAINT messages_template_check;
      ALTER TABLE messages ADD CONSTRAINT messages_template_check
        CHECK (template IN ('consent_request', 'portal_code', 'chat_code'));

      ALTER TABLE portal_codes
        ALTER COLUMN link_id DROP NOT NULL,
        ADD COLUMN chat_session_id uuid,
        ADD CONSTRAINT portal_codes_chat_session_fk
          FOREIGN KEY (tenant_id, chat_session_id) REFERENCES chat_sessions (tenant_id, id),
        ADD CONSTRAINT portal_codes_one_subject CHECK (num_nonnulls(link_id, chat_session_id) = 1);
      CREATE INDEX portal_codes_chat_session ON portal_codes (tenant_id, chat_session_id, created_at DESC)
        WHERE chat_session_id IS NOT NULL;

      -- Chat codes sent to one address lately, counted to cap them (only these rows are indexed).
      CREATE INDEX messages_chat_codes_by_address ON messages (tenant_id, channel, to_address_bidx, created_at)
        WHERE template = 'chat_code';

      ALTER TABLE chat_sessions
        ADD COLUMN code_failures integer NOT NULL DEFAULT 0 CHECK (code_failures >= 0),
        ADD COLUMN code_locked_at timestamptz,
        ADD COLUMN address_verified_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE chat_sessions DROP COLUMN address_verified_at, DROP COLUMN code_locked_at,
        DROP COLUMN code_failures;
      DROP INDEX messages_chat_codes_by_address;
      DELETE FROM portal_codes WHERE chat_session_id IS NOT NULL;
      DROP INDEX portal_codes_chat_session;
      ALTER TABLE portal_codes DROP CONSTRAINT portal_codes_one_subject, DROP COLUMN chat_session_id,
        ALTER COLUMN link_id SET NOT NULL;
      UPDATE messages SET template = NULL WHERE template = 'chat_code';
      ALTER TABLE messages DROP CONSTRAINT messages_template_check;
      ALTER TABLE messages ADD CONSTRAINT messages_template_check
        CHECK (template IN ('consent_request', 'portal_code'));
    `);
  }
}
