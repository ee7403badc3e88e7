import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { auditRoleUrl, TenantDb } from '@app/database';
import { DataSource } from 'typeorm';
import { AUDIT_DATA_SOURCE, AUDIT_SEALER_DB, openAuditDataSource } from './audit-database.js';
import { AuditKeyRing } from './audit-keys.js';
import { AuditService } from './audit.service.js';

/** Connections of the sealer's pool: one seal per tenant at a time, each a few round trips. */
const AUDIT_POOL_SIZE = 4;

/** Closes the sealer's pool once no seal is running any more. */
@Injectable()
class AuditPoolShutdown implements OnApplicationShutdown {
  constructor(
    private readonly audit: AuditService,
    @Inject(AUDIT_DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.audit.idle();
    await this.ds.destroy();
  }
}

/**
 * The audit trail for every module. Its sealer connects as the audit role (DATABASE_AUDIT_URL,
 * default `<app role>_audit`), the only role that may write audit_events, and seals with the
 * audit key derived from MASTER_KEY.
 */
@Global()
@Module({
  providers: [
    {
      provide: AuditKeyRing,
      inject: [APP_CONFIG],
      useFactory: (config: CoreConfig) => AuditKeyRing.fromConfig(config),
    },
    {
      provide: AUDIT_DATA_SOURCE,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: CoreConfig, main: DataSource) =>
        openAuditDataSource(
          auditRoleUrl(config.DATABASE_URL, config.DATABASE_AUDIT_URL),
          // Named after the process's pool (e.g. inbox-api-audit) in pg_stat_activity.
          `${String((main.options.extra as { application_name?: string } | undefined)?.application_name ?? 'inbox')}-audit`,
          AUDIT_POOL_SIZE,
        ),
    },
    {
      provide: AUDIT_SEALER_DB,
      inject: [AUDIT_DATA_SOURCE, APP_CONFIG],
      useFactory: (ds: DataSource, config: CoreConfig) => new TenantDb(ds, config),
    },
    AuditService,
    AuditPoolShutdown,
  ],
  exports: [AuditService, AuditKeyRing, AUDIT_DATA_SOURCE],
})
export class AuditModule {}
