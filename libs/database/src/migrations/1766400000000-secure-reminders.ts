import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Reminders for unread secure messages (issue 22).
 *
 * - `secure_reminders`: one row per secure message whose notice went out, with the reminders
 *   sent so far and when the next step is due (null: nothing more to do). The worker's sweep
 *   reads the due rows of every practice (ids and times only) under app.secure_reminder_sweep;
 *   each step then runs in the practice's own transaction.
 * - `secure_reminder_sends`: the reminder message of each step, written in the transaction
 *   that enqueues it; its key makes a step send at most once, whatever retries or crashes do.
 * - `messages.template` gains `secure_reminder`, the PHI-free reminder text.
 * - `secure_links.notice_message_id`: the reminder that carried a link (null: the secure
 *   message's own notice), so a crashed reminder attempt recognises its own text at the provider.
 * - `conversations.secure_message_unread`: a secure message went unread through every reminder
 *   (cleared when the patient next reads the conversation in the portal).
 */
export class SecureReminders1766400000000 implements MigrationInterface {
  name = 'SecureReminders1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages DROP CONSTRAINT messages_template_check;
      ALTER TABLE messages ADD CONSTRAINT messages_template_check
        CHECK (template IN ('consent_request', 'portal_code', 'chat_code', 'secure_reminder'));

      CREATE TABLE secure_reminders (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        message_id uuid NOT NULL,
        conversation_id uuid NOT NULL,
        reminders_sent integer NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0),
        due_at timestamptz,
        flagged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, message_id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id),
        FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
      );
      CREATE INDEX secure_reminders_due ON secure_reminders (due_at) WHERE due_at IS NOT NULL;
      ${tenantRlsSql('secure_reminders')}
      CREATE POLICY secure_reminder_sweep ON secure_reminders FOR SELECT
        USING (current_setting('app.secure_reminder_sweep', true) = 'on' AND due_at IS NOT NULL);

      CREATE TABLE secure_reminder_sends (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        message_id uuid NOT NULL,
        step integer NOT NULL CHECK (step >= 1),
        reminder_message_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, message_id, step),
        UNIQUE (tenant_id, reminder_message_id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES secure_reminders (tenant_id, message_id),
        FOREIGN KEY (tenant_id, reminder_message_id) REFERENCES messages (tenant_id, id)
      );
      ${tenantRlsSql('secure_reminder_sends')}

      ALTER TABLE secure_links ADD COLUMN notice_message_id uuid,
        ADD CONSTRAINT secure_links_notice_message_fk
          FOREIGN KEY (tenant_id, notice_message_id) REFERENCES messages (tenant_id, id);
      CREATE INDEX secure_links_notice_message ON secure_links (tenant_id, notice_message_id)
        WHERE notice_message_id IS NOT NULL;

      ALTER TABLE conversations ADD COLUMN secure_message_unread boolean NOT NULL DEFAULT false;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE conversations DROP COLUMN secure_message_unread;
      DROP INDEX secure_links_notice_message;
      ALTER TABLE secure_links DROP COLUMN notice_message_id;
      DROP TABLE secure_reminder_sends;
      DROP TABLE secure_reminders;
      UPDATE messages SET template = NULL WHERE template = 'secure_reminder';
      ALTER TABLE messages DROP CONSTRAINT messages_template_check;
      ALTER TABLE messages ADD CONSTRAINT messages_template_check
        CHECK (template IN ('consent_request', 'portal_code', 'chat_code'));
    `);
  }
}
