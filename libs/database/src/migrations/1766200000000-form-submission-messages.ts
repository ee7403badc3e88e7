import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff read a web form's fields on its message (issue 22, files in): the messages page looks
 * the page's submissions up by message id, which had no index (a sequential scan per page).
 */
export class FormSubmissionMessages1766200000000 implements MigrationInterface {
  name = 'FormSubmissionMessages1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX form_submissions_message ON form_submissions (tenant_id, message_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX form_submissions_message`);
  }
}
