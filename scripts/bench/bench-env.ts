import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PIPELINED, TenantDb } from '@app/database';
import { createTestInfra, destroyTestInfra, type TestInfra } from '@app/testing';

/** A private, migrated database for one benchmark, dropped afterwards (never touches other data). */
export async function withBenchDatabase<T>(
  work: (ctx: { infra: TestInfra; ds: DataSource; db: TenantDb; masterKey: string }) => Promise<T>,
): Promise<T> {
  const infra = await createTestInfra('bench');
  const ds = await new DataSource({
    type: 'postgres',
    url: infra.appUrl,
    extra: { ...PIPELINED, max: 20 },
  }).initialize();
  try {
    return await work({ infra, ds, db: new TenantDb(ds), masterKey: randomBytes(32).toString('base64') });
  } finally {
    await ds.destroy();
    await destroyTestInfra(infra);
  }
}
