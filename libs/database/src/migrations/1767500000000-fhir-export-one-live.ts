import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One live Bulk Data export per API client, kept by the database: a partial unique index on
 * `fhir_exports (tenant_id, client_id)` over the live states (queued, running). Two kick-offs
 * that race both pass any check made before writing; the second insert now finds the first
 * (`ON CONFLICT ... DO NOTHING` waits for it to commit) and the kick-off answers 429.
 *
 * Live duplicates left by that race before this migration: all but each client's newest fail
 * (their jobs find them not live and stop) and lose their files. The tables' RLS is forced for
 * the owner too, so it is lifted for these two statements only, inside the migration's transaction.
 */
export class FhirExportOneLive1767500000000 implements MigrationInterface {
  name = 'FhirExportOneLive1767500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE fhir_exports NO FORCE ROW LEVEL SECURITY;
      ALTER TABLE fhir_export_files NO FORCE ROW LEVEL SECURITY;
      WITH ranked AS (
        SELECT tenant_id, id,
          row_number() OVER (PARTITION BY tenant_id, client_id ORDER BY created_at DESC, id DESC) AS n
        FROM fhir_exports WHERE status IN ('queued', 'running')
      ), failed AS (
        UPDATE fhir_exports e SET status = 'failed', progress = NULL, updated_at = now()
        FROM ranked r WHERE r.tenant_id = e.tenant_id AND r.id = e.id AND r.n > 1
        RETURNING e.tenant_id, e.id
      )
      DELETE FROM fhir_export_files f USING failed
        WHERE f.tenant_id = failed.tenant_id AND f.export_id = failed.id;
      ALTER TABLE fhir_exports FORCE ROW LEVEL SECURITY;
      ALTER TABLE fhir_export_files FORCE ROW LEVEL SECURITY;

      CREATE UNIQUE INDEX fhir_exports_one_live ON fhir_exports (tenant_id, client_id)
        WHERE status IN ('queued', 'running');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX fhir_exports_one_live;`);
  }
}
