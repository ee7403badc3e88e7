import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { ContactRepository } from '@app/contacts';
import { KeyRingService } from '@app/crypto';
import { TenantDb } from '@app/database';

/** Direct views for the walkthrough (outside Nest): the app role's DataSource and the owner's pool. */
export async function openDemoContext() {
  const config = loadConfig('worker');
  const ds = await new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    extra: { max: 2 },
  }).initialize();
  const keys = new KeyRingService(config);
  const owner = new pg.Pool({ connectionString: process.env.DATABASE_MIGRATION_URL, max: 2 });
  return {
    ds,
    db: new TenantDb(ds),
    owner,
    contacts: new ContactRepository(keys, config),
    close: async () => {
      await ds.destroy();
      await owner.end();
    },
  };
}
