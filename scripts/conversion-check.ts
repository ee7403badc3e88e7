// `npx tsx scripts/conversion-check.ts <owner url> <app url>`: rehearses the pending migrations on a
// COPY of a database (a restored backup, or a seed made by an older build), proving that they
// keep every row: before migrating it records, for every table, the row count and an MD5 over its
// rows (the columns it has now, rows in a fixed order); it migrates (timed), then reads the same columns again and compares. Exit 0 if every table is
// identical, 1 otherwise. Never point it at a live database: the migrations take exclusive locks.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate } from '@app/database';

const [ownerUrl, appUrl] = process.argv.slice(2);
if (!ownerUrl || !appUrl) {
  process.stderr.write('usage: npx tsx scripts/conversion-check.ts <owner url> <app url>\n');
  process.exit(64);
}

interface TableDigest {
  rows: number;
  md5: string;
}

/** Row count and an order-independent digest of `columns` of each table. */
async function digest(client: pg.Client, columns: Map<string, string[]>): Promise<Map<string, TableDigest>> {
  const digests = new Map<string, TableDigest>();
  for (const [table, cols] of columns) {
    const row = `ROW(${cols.map((c) => `t.${pg.escapeIdentifier(c)}`).join(', ')})::text`;
    const { rows } = await client.query<{ rows: string; md5: string | null }>(
      `SELECT count(*) AS rows, md5(string_agg(md5(${row}), '' ORDER BY md5(${row}))) AS md5
       FROM ${pg.escapeIdentifier(table)} t`,
    );
    digests.set(table, { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 ?? '' });
  }
  return digests;
}

const owner = new pg.Client({ connectionString: ownerUrl });
await owner.connect();
try {
  // Every table's columns as they are before migrating (a later migration may add columns); the
  // migration runner's own table is the one meant to change.
  const { rows: catalog } = await owner.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname <> 'schema_migrations'
     ORDER BY c.relname, a.attnum`,
  );
  const columns = new Map<string, string[]>();
  for (const { table, column } of catalog) columns.set(table, [...(columns.get(table) ?? []), column]);

  let started = performance.now();
  const before = await digest(owner, columns);
  const total = [...before.values()].reduce((n, d) => n + d.rows, 0);
  process.stdout.write(
    `before: ${columns.size} tables, ${total} rows digested in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );

  started = performance.now();
  await migrate({ ownerUrl, appUrl, log: (line) => process.stdout.write(`migrate: ${line}\n`) });
  process.stdout.write(`migrated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const after = await digest(owner, columns);
  let differing = 0;
  for (const [table, was] of before) {
    const now = after.get(table)!;
    const same = now.rows === was.rows && now.md5 === was.md5;
    if (!same) differing++;
    if (!same || was.rows >= 10_000)
      process.stdout.write(
        `  ${same ? 'same' : 'DIFFERENT'}  ${table}: ${was.rows} rows ${was.md5.slice(0, 12)} -> ${now.rows} rows ${now.md5.slice(0, 12)}\n`,
      );
  }
  process.stdout.write(
    differing === 0
      ? `RESULT: every table identical (${before.size} tables, ${total} rows; counts and MD5 of their rows)\n`
      : `RESULT: ${differing} table(s) differ\n`,
  );
  process.exitCode = differing === 0 ? 0 : 1;
} finally {
  await owner.end();
}
