import { EntitySchema } from 'typeorm';

/** A row of `unsubscribe_links`, as migrated (column names, types, nullability). */
export interface UnsubscribeLinkEntity {
  id: string;
  tenant_id: string;
  contact_id: string;
  message_id: string;
  address_enc: Buffer;
  address_bidx: Buffer;
  token_hash: Buffer;
  used_at: Date | null;
  created_at: Date;
}

export const UnsubscribeLinkSchema = new EntitySchema<UnsubscribeLinkEntity>({
  name: 'unsubscribe_links',
  tableName: 'unsubscribe_links',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    contact_id: { type: 'uuid' },
    message_id: { type: 'uuid' },
    address_enc: { type: 'bytea' },
    address_bidx: { type: 'bytea' },
    token_hash: { type: 'bytea' },
    used_at: { type: 'timestamptz', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
