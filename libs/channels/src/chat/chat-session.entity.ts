import { EntitySchema } from 'typeorm';

/** A row of `chat_sessions`, as migrated (column names, types, nullability). */
export interface ChatSessionEntity {
  id: string;
  tenant_id: string;
  channel_id: string;
  contact_id: string;
  token_hash: Buffer;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  proven_contact_id: string | null;
  code_failures: number;
  code_locked_at: Date | null;
  address_verified_at: Date | null;
}

export const ChatSessionSchema = new EntitySchema<ChatSessionEntity>({
  name: 'chat_sessions',
  tableName: 'chat_sessions',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    channel_id: { type: 'uuid' },
    contact_id: { type: 'uuid' },
    token_hash: { type: 'bytea' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    last_seen_at: { type: 'timestamptz', default: () => 'now()' },
    expires_at: { type: 'timestamptz' },
    proven_contact_id: { type: 'uuid', nullable: true },
    code_failures: { type: 'integer', default: () => '0' },
    code_locked_at: { type: 'timestamptz', nullable: true },
    address_verified_at: { type: 'timestamptz', nullable: true },
  },
});
