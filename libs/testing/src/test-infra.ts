import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { migrate } from '@app/database';

/** The admin connection used to create and drop each run's private database and role. */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestInfra {
  database: string;
  appRole: string;
  /** The audit sealer role (`<app role>_audit`), provisioned by migrate (dropped with the run when set). */
  auditRole?: string;
  ownerUrl: string;
  appUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user) u.username = user;
  if (password) u.password = password;
  return u.toString();
}

/** Creates a private database + app and audit roles + Redis prefix for one test run, migrated and ready. */
export async function createTestInfra(label = 'test'): Promise<TestInfra> {
  const id = `${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const database = `inbox_${id}`;
  const appRole = `inbox_${id}_app`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const ownerUrl = withDatabase(PG_ADMIN_URL, database);
  const appUrl = withDatabase(PG_ADMIN_URL, database, appRole, randomBytes(12).toString('hex'));
  const { auditRole } = await migrate({ ownerUrl, appUrl });
  return {
    database,
    appRole,
    auditRole,
    ownerUrl,
    appUrl,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: `t_${id}`,
  };
}

/**
 * A Redis prefix of its own under this run's (`t_x` -> `t_x-label`; the single-slot `{t_x}` ->
 * `{t_x-label}`), for a test whose queues must not be shared with other test files running at
 * the same time; cleaned up with the run.
 */
export function subPrefix(runPrefix: string, label: string): string {
  return runPrefix.startsWith('{') ? `${runPrefix.slice(0, -1)}-${label}}` : `${runPrefix}-${label}`;
}

/**
 * Connections still open when a test database is dropped are ended by the server ("terminating
 * connection due to administrator command"), an error with no test frame on its stack should
 * their owner lack an error listener: which ones they were goes to
 * test-artifacts/lingering-connections.log (`npm test` prints it).
 */
async function noteLingeringConnections(admin: pg.Client, database: string): Promise<void> {
  const { rows } = await admin.query<{ application_name: string; state: string; query: string }>(
    `SELECT application_name, state, left(query, 100) AS query FROM pg_stat_activity
     WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [database],
  );
  if (rows.length === 0) return;
  mkdirSync('test-artifacts', { recursive: true });
  appendFileSync('test-artifacts/lingering-connections.log', `${database}: ${JSON.stringify(rows)}\n`);
}

/** Drops what createTestInfra made: the database, the roles and every Redis key under the prefix. */
export async function destroyTestInfra(infra: TestInfra): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await noteLingeringConnections(admin, infra.database);
    await admin.query(`DROP DATABASE IF EXISTS "${infra.database}" WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS "${infra.appRole}"`);
    if (infra.auditRole) await admin.query(`DROP ROLE IF EXISTS "${infra.auditRole}"`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(infra.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${infra.redisPrefix.startsWith('{') ? infra.redisPrefix.slice(0, -1) : infra.redisPrefix}*`,
        'COUNT',
        1000,
      );
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
