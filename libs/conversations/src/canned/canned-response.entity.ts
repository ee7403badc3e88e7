import { EntitySchema } from 'typeorm';

/** A row of `canned_responses`, as migrated (column names, types, nullability). */
export interface CannedResponseEntity {
  id: string;
  tenant_id: string;
  title: string;
  body: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export const CannedResponseSchema = new EntitySchema<CannedResponseEntity>({
  name: 'canned_responses',
  tableName: 'canned_responses',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    title: { type: 'text' },
    body: { type: 'text' },
    created_by: { type: 'uuid' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
