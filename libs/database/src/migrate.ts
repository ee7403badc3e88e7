import { DataSource } from 'typeorm';
import { appRoleSql, auditRoleSql, auditRoleUrl } from './app-role.js';
import { MIGRATIONS } from './migrations/index.js';

export interface MigrateOptions {
  /** Owner of the schema (creates tables, policies, the app role). */
  ownerUrl: string;
  /** The URL the app will use; its user becomes the RLS-bound app role with its password. */
  appUrl: string;
  /** DATABASE_AUDIT_URL: the audit sealer's role; default `<app role>_audit` (see auditRoleUrl). */
  auditUrl?: string;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  appRole: string | null;
  auditRole: string;
}

const MIGRATE_LOCK = 7_465_001; // pg_advisory_lock key: one migrator at a time across replicas

export function ownerDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    logging: false,
    extra: { max: 2, application_name: 'inbox-migrate' },
  });
}

/** Applies pending migrations and provisions the app role (`appUrl`) and the audit sealer role. Idempotent. */
export async function migrate({
  ownerUrl,
  appUrl,
  auditUrl,
  log = () => {},
}: MigrateOptions): Promise<MigrateResult> {
  const owner = new URL(ownerUrl);
  const app = new URL(appUrl);
  const appRole = decodeURIComponent(app.username);
  const audit = new URL(auditRoleUrl(appUrl, auditUrl));
  const auditRole = decodeURIComponent(audit.username);
  if (auditRole === appRole || auditRole === decodeURIComponent(owner.username)) {
    // Its grants would replace theirs (or strip the owner's attributes): a role of its own only.
    throw new Error('DATABASE_AUDIT_URL must name a role of its own (not the app role nor the owner)');
  }
  const ds = ownerDataSource(ownerUrl);
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    const applied = (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
    log(applied.length ? `applied ${applied.join(', ')}` : 'schema up to date');
    const database = decodeURIComponent(app.pathname.replace(/^\//, '')) || (await currentDatabase(ds));
    for (const sql of auditRoleSql(auditRole, decodeURIComponent(audit.password) || undefined, database)) {
      await ds.query(sql);
    }
    log(`audit sealer role "${auditRole}" provisioned (the only role that writes audit_events)`);

    if (!appRole || appRole === decodeURIComponent(owner.username)) {
      log(
        'WARNING: DATABASE_URL uses the schema owner; run the app as a separate role (see docs/operations.md)',
      );
      return { applied, appRole: null, auditRole };
    }
    for (const sql of appRoleSql(appRole, decodeURIComponent(app.password) || undefined, database)) {
      await ds.query(sql);
    }
    log(`app role "${appRole}" provisioned (login, no superuser, no BYPASSRLS, table grants only)`);
    return { applied, appRole, auditRole };
  } finally {
    await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => undefined);
    await ds.destroy();
  }
}

async function currentDatabase(ds: DataSource): Promise<string> {
  const [row] = (await ds.query('SELECT current_database() AS db')) as Array<{ db: string }>;
  return row!.db;
}

/**
 * `npm run migrate -- --revert-last`: undoes the newest applied migration (its `down`, in its own
 * transaction), under the migrator's lock; the name of the one undone, or null when none is
 * applied. For a release rolled back before its contract step; roles and grants stay as they are
 * (the next `migrate` provisions them again).
 */
export async function revertLastMigration(ownerUrl: string): Promise<string | null> {
  const ds = ownerDataSource(ownerUrl);
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    const [last] = (await ds.query(
      `SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC LIMIT 1`,
    )) as Array<{ name: string }>;
    if (!last) return null;
    await ds.undoLastMigration({ transaction: 'each' });
    return last.name;
  } finally {
    await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => undefined);
    await ds.destroy();
  }
}
