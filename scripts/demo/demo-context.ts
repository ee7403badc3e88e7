import pg from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { loadConfig } from '@app/config';
import { ContactRepository } from '@app/contacts';
import { KeyRingService } from '@app/crypto';
import { TenantDb } from '@app/database';

/** The demo practice's fixed id, so reruns find what the first run seeded. */
export const DEMO_PRACTICE_ID = 'de000000-0000-4000-8000-000000000001';

/** The libraries wired by hand (the scripts run outside Nest), connected as the app role. */
export async function openDemoContext() {
  const config = loadConfig('worker');
  const ds = await new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    extra: { max: 4 },
  }).initialize();
  const db = new TenantDb(ds);
  const keys = new KeyRingService(config);
  const owner = new pg.Pool({ connectionString: process.env.DATABASE_MIGRATION_URL, max: 2 });
  return {
    config,
    ds,
    db,
    keys,
    owner,
    audit: new AuditService(db),
    contacts: new ContactRepository(keys, config),
    close: async () => {
      await ds.destroy();
      await owner.end();
    },
  };
}
