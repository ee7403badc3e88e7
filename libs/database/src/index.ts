export { DatabaseModule } from './database.module.js';
export { TenantDb, TenantTx, TenantContextMissingError, type Sql } from './tenant-db.js';
export { PreparedSql } from './prepared-sql.js';
export { requestContext, type RequestContext, type Actor } from './request-context.js';
export { migrate, ownerDataSource, type MigrateOptions } from './migrate.js';
export { APP_TABLE_GRANTS } from './app-role.js';
export { inlineParams, UnstorableTextError } from './sql-literal.js';
export { multiRowValues } from './multi-row-values.js';
export { isUuid, UUID_PATTERN } from './uuid.js';
