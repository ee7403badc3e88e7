import { EntitySchema } from 'typeorm';

export type ChannelType = 'sms' | 'email' | 'webform' | 'chat';

/** A row of `channels`, as migrated (column names, types, nullability). */
export interface ChannelEntity {
  id: string;
  tenant_id: string;
  type: ChannelType;
  name: string;
  /** Non-secret settings (e.g. SmsChannelConfig); secrets are in credentials_enc. */
  config: Record<string, unknown>;
  credentials_enc: Buffer | null;
  public_key: string | null;
  inbound_secret_hash: Buffer | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export const ChannelSchema = new EntitySchema<ChannelEntity>({
  name: 'channels',
  tableName: 'channels',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    type: { type: 'text' },
    name: { type: 'text' },
    config: { type: 'jsonb', default: () => "'{}'::jsonb" },
    credentials_enc: { type: 'bytea', nullable: true },
    public_key: { type: 'text', nullable: true },
    inbound_secret_hash: { type: 'bytea', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
    deleted_at: { type: 'timestamptz', nullable: true },
  },
});
