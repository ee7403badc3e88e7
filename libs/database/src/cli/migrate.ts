import { loadConfigOrExit } from '@app/config';
import { migrate } from '../migrate.js';

// `npm run migrate`: applies migrations as the owner, then provisions the app role of DATABASE_URL
// and the audit sealer role (DATABASE_AUDIT_URL, default `<app role>_audit`).
const config = loadConfigOrExit('migrate');
const log = (line: string) => process.stdout.write(`migrate: ${line}\n`);

try {
  await migrate({
    ownerUrl: config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL,
    appUrl: config.DATABASE_URL,
    auditUrl: config.DATABASE_AUDIT_URL,
    log,
  });
} catch (err) {
  // Postgres errors carry no PHI here (schema statements only); print the message, not the URL.
  process.stderr.write(`migrate: failed: ${(err as Error).message}\n`);
  process.exit(1);
}
