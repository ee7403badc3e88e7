export { DatabaseModule } from './database.module.js';
export { TenantDb, TenantTx, TenantContextMissingError, type Sql, type Statement } from './tenant-db.js';
export {
  TenantRepository,
  type TenantScoped,
  type TenantValues,
  type TenantWhere,
} from './tenant-repository.js';
export { RoutedDb, type SweepTx } from './routed-db.js';
export { RLS_SETTINGS, type Route, type RouteName, type SweepName } from './rls-settings.js';
export { DatabaseError, type DatabaseErrorCode, normalizeDatabaseError } from './database-error.js';
export { dedicatedPool, PIPELINED } from './connection.js';
export { PreparedSql } from './prepared-sql.js';
export { tenantScope, type TenantScope } from './tenant-scope.js';
export { migrate, ownerDataSource, revertLastMigration, type MigrateOptions } from './migrate.js';
export { APP_TABLE_GRANTS, AUDIT_TABLE_GRANTS, auditRoleUrl } from './app-role.js';
export { multiRowValues } from './multi-row-values.js';
export { SqlConditions, countUpTo, fromMicrosSql, microsSql } from './sql-conditions.js';
export { GroupCommit } from './group-commit.js';
export { isUuid, UUID_PATTERN, uuidV7Sql } from './uuid.js';
export { REPORT_FACTS_BACKFILL_SQL } from './migrations/1766700000000-response-reports.js';
export {
  MONTHLY_PARTITIONED_TABLES,
  type DroppedPartitionRows,
  type MonthlyPartitionedTable,
  PartitionMaintenance,
} from './partition-maintenance.js';
export { MIGRATIONS } from './migrations/index.js';
