import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files out (issue 22): staff upload a file, then attach it to a reply or a first message. An
 * upload is an `attachments` row like inbound media (content and file name encrypted, the same
 * owner and tenant policy), `stored` with no message until a message claims it. Unclaimed
 * uploads expire: a reply refuses one older than the upload lifetime, and an expired one is
 * emptied (content and name erased, `failed` with reason `expired`; the index finds them). The
 * application role keeps no DELETE on attachments. The worker's upload sweep finds the practices
 * with expired uploads through a read-only policy of its own (unclaimed stored uploads only); it
 * empties them in each practice's own transaction.
 */
export class StaffUploads1766300000000 implements MigrationInterface {
  name = 'StaffUploads1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE attachments
        ALTER COLUMN message_id DROP NOT NULL,
        -- The staff member who uploaded it (null for media a patient sent).
        ADD COLUMN uploaded_by uuid,
        ADD CONSTRAINT attachments_message_or_upload CHECK (message_id IS NOT NULL OR uploaded_by IS NOT NULL);
      CREATE INDEX attachments_unclaimed ON attachments (tenant_id, created_at)
        WHERE message_id IS NULL AND status = 'stored';
      CREATE POLICY unclaimed_upload_sweep ON attachments FOR SELECT
        USING (current_setting('app.upload_sweep', true) = 'on' AND message_id IS NULL AND status = 'stored');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY unclaimed_upload_sweep ON attachments;
      DROP INDEX attachments_unclaimed;
      DELETE FROM attachments WHERE message_id IS NULL;
      ALTER TABLE attachments
        DROP CONSTRAINT attachments_message_or_upload,
        DROP COLUMN uploaded_by,
        ALTER COLUMN message_id SET NOT NULL;
    `);
  }
}
