import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Our emails thread in the patient's mail client (issue 22): a reply carries In-Reply-To and
 * References naming the patient's last email of the conversation, so its Message-ID is kept,
 * encrypted with the practice's key (the blind index alone cannot be sent back). Rows from
 * before have none: their conversations' replies go out unthreaded until the patient writes again.
 * The index finds a conversation's inbound emails' refs by message.
 */
export class EmailThreadHeaders1766100000000 implements MigrationInterface {
  name = 'EmailThreadHeaders1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE email_message_refs ADD COLUMN message_id_enc bytea;
      CREATE INDEX email_message_refs_message ON email_message_refs (tenant_id, message_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX email_message_refs_message;
      ALTER TABLE email_message_refs DROP COLUMN message_id_enc;
    `);
  }
}
