import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's media sweeper finds MMS attachments still `pending` (their download was cut off
 * by a crash or never finished) across practices: a second, read-only policy shows a
 * transaction that set app.media_sweep exactly the pending rows (it reads their ids only;
 * everything else goes through the practice's own tenant transaction).
 */
export class MediaSweep1764900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE POLICY pending_media_sweep ON attachments FOR SELECT
        USING (current_setting('app.media_sweep', true) = 'on' AND status = 'pending');
      CREATE INDEX attachments_pending ON attachments (updated_at) WHERE status = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX attachments_pending; DROP POLICY pending_media_sweep ON attachments;`);
  }
}
