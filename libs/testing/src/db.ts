import { randomUUID } from 'node:crypto';
import { DataSource, type EntitySchema } from 'typeorm';
import pg from 'pg';
import { ACCESS_ALERTS_ENTITIES } from '@app/access-alerts';
import { AUDIT_ENTITIES } from '@app/audit';
import { AUTOMATION_ENTITIES } from '@app/automation';
import { CHANNELS_ENTITIES } from '@app/channels';
import { CONSENT_ENTITIES } from '@app/consent';
import { CONTACTS_ENTITIES } from '@app/contacts';
import { CONVERSATIONS_ENTITIES } from '@app/conversations';
import { CRYPTO_ENTITIES } from '@app/crypto';
import { DELIVERY_ENTITIES } from '@app/delivery';
import { FHIR_ENTITIES } from '@app/fhir';
import { IDENTITY_ENTITIES } from '@app/identity';
import { WEBHOOKS_OUT_ENTITIES } from '@app/webhooks-out';

/** Every owner's EntitySchemas, as the api registers them (PlatformModule: crypto's and audit's; each feature module: its own, TypeOrmModule.forFeature). */
export const ENTITY_SCHEMAS: readonly EntitySchema[] = [
  ...AUDIT_ENTITIES,
  ...CRYPTO_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...CONTACTS_ENTITIES,
  ...CONSENT_ENTITIES,
  ...CONVERSATIONS_ENTITIES,
  ...CHANNELS_ENTITIES,
  ...DELIVERY_ENTITIES,
  ...AUTOMATION_ENTITIES,
  ...WEBHOOKS_OUT_ENTITIES,
  ...ACCESS_ALERTS_ENTITIES,
  ...FHIR_ENTITIES,
] as EntitySchema[];

/** A pool connected as the schema owner of this run's database (bypasses nothing: RLS is FORCEd, but superuser in dev). */
export function ownerPool(): pg.Pool {
  return new pg.Pool({ connectionString: required('DATABASE_MIGRATION_URL'), max: 4 });
}

/** A pool connected as the RLS-bound app role, exactly as the api and worker connect (pipelined). */
export function appPool(): pg.Pool {
  return new pg.Pool({ connectionString: required('DATABASE_URL'), max: 4, pipeline: true });
}

export const newTenantId = (): string => randomUUID();

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run tests through vitest (globalSetup creates the database)`);
  return v;
}

/** A TypeORM DataSource connected as the app role (for TenantDb in tests), with every entity, initialized. */
export function appDataSource(max = 4): Promise<DataSource> {
  return new DataSource({
    type: 'postgres',
    url: required('DATABASE_URL'),
    entities: [...ENTITY_SCHEMAS],
    extra: { max, pipeline: true },
  }).initialize();
}
