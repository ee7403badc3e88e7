import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import pg from 'pg';

/** A pool connected as the schema owner of this run's database (bypasses nothing: RLS is FORCEd, but superuser in dev). */
export function ownerPool(): pg.Pool {
  return new pg.Pool({ connectionString: required('DATABASE_MIGRATION_URL'), max: 4 });
}

/** A pool connected as the RLS-bound app role, exactly as the api and worker connect (pipelined). */
export function appPool(): pg.Pool {
  return new pg.Pool({ connectionString: required('DATABASE_URL'), max: 4, pipeline: true });
}

export const newTenantId = (): string => randomUUID();

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run tests through vitest (globalSetup creates the database)`);
  return v;
}

/** A TypeORM DataSource connected as the app role (for TenantDb in tests), initialized. */
export function appDataSource(max = 4): Promise<DataSource> {
  return new DataSource({
    type: 'postgres',
    url: required('DATABASE_URL'),
    extra: { max, pipeline: true },
  }).initialize();
}
