import pg from 'pg';

// Creates the demo database if it does not exist yet (the owner URL names it).
// --fresh drops it first: a new .demo/env brings a new MASTER_KEY that could not read old keys.
const ownerUrl = new URL(process.env.DATABASE_MIGRATION_URL!);
const database = decodeURIComponent(ownerUrl.pathname.slice(1));
const adminUrl = new URL(ownerUrl);
adminUrl.pathname = '/postgres';
const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
if (process.argv.includes('--fresh'))
  await admin.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '')}" WITH (FORCE)`);
const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
console.log(rowCount ? `database ${database} exists` : `created database ${database}`);
await admin.end();
