import { EntitySchema } from 'typeorm';

/** A row of `tenant_keys`, as migrated (column names, types, nullability). */
export interface TenantKeyEntity {
  id: string;
  tenant_id: string;
  purpose: string;
  version: number;
  status: string;
  wrapped_key: Buffer;
  master_key_id: string;
  created_at: Date;
  retired_at: Date | null;
}

export const TenantKeySchema = new EntitySchema<TenantKeyEntity>({
  name: 'tenant_keys',
  tableName: 'tenant_keys',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    purpose: { type: 'text' },
    version: { type: 'integer' },
    status: { type: 'text' },
    wrapped_key: { type: 'bytea' },
    master_key_id: { type: 'text' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    retired_at: { type: 'timestamptz', nullable: true },
  },
});
