import { PIPELINED } from '@app/database';
import { DataSource } from 'typeorm';

/** Injection token of the audit sealer role's DataSource (its own small pool). */
export const AUDIT_DATA_SOURCE = Symbol('AUDIT_DATA_SOURCE');
/** Injection token of the TenantDb on that pool: the only transactions that write audit_events. */
export const AUDIT_SEALER_DB = Symbol('AUDIT_SEALER_DB');

/**
 * A pool as the audit sealer role (see `auditRoleUrl`): sealing is a few short transactions per
 * tenant at a time, so a few connections; the process's own pool never lends it one.
 */
export function openAuditDataSource(url: string, applicationName: string, max: number): Promise<DataSource> {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { ...PIPELINED, max, application_name: applicationName },
  }).initialize();
}
