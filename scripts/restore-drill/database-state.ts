import type { ThrowawayCluster } from './cluster.js';

/** One table's content: its row count and an MD5 over every row's text, in a fixed order. */
export interface TableDigest {
  rows: number;
  md5: string;
}

/** Every table of the public schema, by name. */
export type DatabaseDigest = Record<string, TableDigest>;

/** A table's row-level security as the catalog has it. */
export interface TableRls {
  enabled: boolean;
  forced: boolean;
  policies: string[];
  hasTenantColumn: boolean;
}

/**
 * Every table's digest, read as the owner (a superuser: row-level security does not filter it).
 * Rows are ordered by their own text, so the digest depends on the content only, not on the
 * physical order a restore happens to leave them in.
 */
export async function digestDatabase(cluster: ThrowawayCluster, database: string): Promise<DatabaseDigest> {
  const tables = await cluster.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    [],
    database,
  );
  const digest: DatabaseDigest = {};
  for (const { name } of tables) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
    const [row] = await cluster.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5
       FROM public."${name}" t`,
      [],
      database,
    );
    digest[name] = row!;
  }
  return digest;
}

/** The tables whose digests differ (or that only one side has). */
export function differingTables(expected: DatabaseDigest, actual: DatabaseDigest): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names]
    .filter((name) => {
      const a = expected[name];
      const b = actual[name];
      return !a || !b || a.rows !== b.rows || a.md5 !== b.md5;
    })
    .toSorted();
}

/** Row-level security of every public table (enabled, forced, its policies, whether rows carry a tenant). */
export async function rowLevelSecurity(
  cluster: ThrowawayCluster,
  database: string,
): Promise<Record<string, TableRls>> {
  const rows = await cluster.query<{
    name: string;
    enabled: boolean;
    forced: boolean;
    policies: string[];
    has_tenant_column: boolean;
  }>(
    `SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            coalesce((SELECT array_agg(p.polname ORDER BY p.polname) FROM pg_policy p WHERE p.polrelid = c.oid), '{}') AS policies,
            EXISTS (SELECT 1 FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS has_tenant_column
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ORDER BY 1`,
    [],
    database,
  );
  return Object.fromEntries(
    rows.map((r) => [
      r.name,
      { enabled: r.enabled, forced: r.forced, policies: r.policies, hasTenantColumn: r.has_tenant_column },
    ]),
  );
}

/** Tenant tables (a tenant_id column, or `practices` itself) that are not under forced row-level security. */
export function unforcedTenantTables(rls: Record<string, TableRls>): string[] {
  return Object.entries(rls)
    .filter(([name, t]) => (t.hasTenantColumn || name === 'practices') && !(t.enabled && t.forced))
    .map(([name]) => name);
}
