import { AuditKeyRing, AuditService } from '@app/audit';
import { auditRoleUrl, TenantDb } from '@app/database';
import pg from 'pg';
import { DataSource } from 'typeorm';

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run tests through vitest (globalSetup creates the database)`);
  return v;
}

/** The audit keys of this run's MASTER_KEY, as the api and worker derive them. */
export const testAuditKeys = (): AuditKeyRing =>
  AuditKeyRing.fromConfig({ MASTER_KEY: required('MASTER_KEY') });

/** This run's audit sealer role URL (the only role that may write audit_events). */
export const auditUrl = (): string => auditRoleUrl(required('DATABASE_URL'), process.env.DATABASE_AUDIT_URL);

/** A pool connected as the audit sealer role. */
export function auditPool(): pg.Pool {
  return new pg.Pool({ connectionString: auditUrl(), max: 2 });
}

let sealer: Promise<DataSource> | undefined;

/**
 * An AuditService as the apps build it (sealing as the audit role, with this run's audit key)
 * on the caller's TenantDb. The sealer's pool is one per test process, shared, and lets the
 * process exit when idle.
 */
export async function testAuditService(db: TenantDb): Promise<AuditService> {
  sealer ??= new DataSource({
    type: 'postgres',
    url: auditUrl(),
    extra: { max: 4, idleTimeoutMillis: 1000, allowExitOnIdle: true },
  }).initialize();
  return new AuditService(db, new TenantDb(await sealer), testAuditKeys());
}
