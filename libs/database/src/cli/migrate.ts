import { loadConfigOrExit } from '@app/config';
import { migrate, revertLastMigration } from '../migrate.js';

// `npm run migrate`: applies migrations as the owner, then provisions the app role of DATABASE_URL
// and the audit sealer role (DATABASE_AUDIT_URL, default `<app role>_audit`).
// `npm run migrate -- --revert-last`: undoes the newest applied migration only.
const args = process.argv.slice(2);
if (args.some((arg) => arg !== '--revert-last')) {
  process.stderr.write('usage: npm run migrate [-- --revert-last]\n');
  process.exit(64);
}
const config = loadConfigOrExit('migrate');
const log = (line: string) => process.stdout.write(`migrate: ${line}\n`);
const ownerUrl = config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL;

try {
  if (args.includes('--revert-last')) {
    const reverted = await revertLastMigration(ownerUrl);
    log(reverted ? `reverted ${reverted}` : 'no migration applied: nothing to revert');
    process.exit(0);
  }
  await migrate({
    ownerUrl,
    appUrl: config.DATABASE_URL,
    auditUrl: config.DATABASE_AUDIT_URL,
    log,
  });
} catch (err) {
  // Postgres errors carry no PHI here (schema statements only); print the message, not the URL.
  process.stderr.write(`migrate: failed: ${(err as Error).message}\n`);
  process.exit(1);
}
