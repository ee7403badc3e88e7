import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { spawnSync } from 'node:child_process';
import { MIGRATIONS, migrate, revertLastMigration } from '@app/database';
import { type TestInfra, createTestInfra, destroyTestInfra } from '@app/testing';

/**
 * Every migration's `down` runs (an operator's `migration:revert` after a bad deploy): undoing
 * them all, newest first, leaves an empty schema, and applying them again gives the schema the
 * first run gave, column for column, with its indexes, constraints, policies and triggers.
 */
/** A migration class's timestamp (its name ends with it). */
const timestamp = (name: string) => Number(/\d{13}$/.exec(name)![0]);

describe('migrations revert and re-apply', () => {
  let infra: TestInfra;
  let owner: pg.Pool;

  beforeAll(async () => {
    infra = await createTestInfra('migrations_down');
    owner = new pg.Pool({ connectionString: infra.ownerUrl, max: 1 });
  });
  afterAll(async () => {
    await owner?.end();
    if (infra) await destroyTestInfra(infra);
  });

  /** The public schema as a sorted list of lines: relations with kinds (indexes as `idx`), columns, constraints, indexes, policies, triggers, functions. */
  const catalog = async (): Promise<string[]> => {
    const { rows } = await owner.query<{ line: string }>(`
      SELECT format('rel %s %s', c.relname, c.relkind) AS line
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind <> 'i' AND c.relname NOT LIKE 'schema_migrations%'
      UNION ALL
      SELECT format('col %s.%s %s %s %s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                    a.attnotnull, pg_get_expr(d.adbin, d.adrelid))
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
         AND c.relname <> 'schema_migrations'
      UNION ALL
      SELECT format('con %s %s %s', c.relname, k.conname, pg_get_constraintdef(k.oid))
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relname <> 'schema_migrations'
      UNION ALL
      SELECT format('idx %s', indexdef) FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
      UNION ALL
      SELECT format('pol %s %s %s %s', tablename, policyname, qual, with_check) FROM pg_policies WHERE schemaname = 'public'
      UNION ALL
      SELECT format('rls %s %s %s', relname, relrowsecurity, relforcerowsecurity)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
      UNION ALL
      SELECT format('trg %s %s', t.tgrelid::regclass, pg_get_triggerdef(t.oid))
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND NOT t.tgisinternal
      UNION ALL
      SELECT format('fn %s', p.oid::regprocedure) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public'
      UNION ALL
      SELECT format('type %s', t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')
    `);
    return rows.map((r) => r.line).toSorted();
  };

  it('every down runs, the schema ends empty, and the migrations rebuild it exactly', async () => {
    const applied = await catalog();
    expect(applied.length).toBeGreaterThan(500);

    // The operator's command undoes the newest one.
    const cli = spawnSync('node_modules/.bin/tsx', ['libs/database/src/cli/migrate.ts', '--revert-last'], {
      env: { ...process.env, DATABASE_URL: infra.appUrl, DATABASE_MIGRATION_URL: infra.ownerUrl },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const newest = MIGRATIONS.map((m) => m.name)
      .toSorted((a, b) => timestamp(a) - timestamp(b))
      .at(-1)!;
    expect(cli.stdout).toContain(`migrate: reverted ${newest}`);
    for (let undone = 1; undone < MIGRATIONS.length; undone++) {
      expect(await revertLastMigration(infra.ownerUrl)).not.toBeNull();
    }
    expect(await revertLastMigration(infra.ownerUrl)).toBeNull();
    expect((await owner.query(`SELECT count(*)::int AS n FROM schema_migrations`)).rows[0].n).toBe(0);
    expect(await catalog()).toEqual([]);

    // As a deploy does: the migrations, then the roles' grants and policies.
    await migrate({ ownerUrl: infra.ownerUrl, appUrl: infra.appUrl });
    expect(await catalog()).toEqual(applied);
  });

  it('`npm run migrate` refuses an unknown argument (64, EX_USAGE)', () => {
    const cli = spawnSync('node_modules/.bin/tsx', ['libs/database/src/cli/migrate.ts', '--revert-all'], {
      env: { ...process.env, DATABASE_URL: infra.appUrl, DATABASE_MIGRATION_URL: infra.ownerUrl },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(cli.status).toBe(64);
    expect(cli.stderr).toContain('usage: npm run migrate [-- --revert-last]');
  });
});
