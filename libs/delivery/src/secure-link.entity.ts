import { EntitySchema } from 'typeorm';

/** A row of `secure_links`, as migrated (column names, types, nullability). */
export interface SecureLinkEntity {
  id: string;
  tenant_id: string;
  contact_id: string;
  message_id: string;
  channel: string;
  address_enc: Buffer;
  address_bidx: Buffer;
  token_hash: Buffer;
  expires_at: Date;
  retracted_at: Date | null;
  created_at: Date;
  failed_attempts: number;
  locked_at: Date | null;
  /** The reminder that carried this link (null: the secure message's own notice). */
  notice_message_id: string | null;
}

export const SecureLinkSchema = new EntitySchema<SecureLinkEntity>({
  name: 'secure_links',
  tableName: 'secure_links',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    contact_id: { type: 'uuid' },
    message_id: { type: 'uuid' },
    channel: { type: 'text' },
    address_enc: { type: 'bytea' },
    address_bidx: { type: 'bytea' },
    token_hash: { type: 'bytea' },
    expires_at: { type: 'timestamptz' },
    retracted_at: { type: 'timestamptz', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    failed_attempts: { type: 'integer', default: () => '0' },
    locked_at: { type: 'timestamptz', nullable: true },
    notice_message_id: { type: 'uuid', nullable: true },
  },
});
