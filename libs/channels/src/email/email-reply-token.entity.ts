import { EntitySchema } from 'typeorm';

/** A row of `email_reply_tokens`, as migrated (column names, types, nullability). */
export interface EmailReplyTokenEntity {
  token_hash: Buffer;
  tenant_id: string;
  channel_id: string;
  conversation_id: string;
  created_at: Date;
}

export const EmailReplyTokenSchema = new EntitySchema<EmailReplyTokenEntity>({
  name: 'email_reply_tokens',
  tableName: 'email_reply_tokens',
  columns: {
    token_hash: { type: 'bytea', primary: true },
    tenant_id: { type: 'uuid' },
    channel_id: { type: 'uuid' },
    conversation_id: { type: 'uuid' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
