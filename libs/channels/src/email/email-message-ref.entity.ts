import { EntitySchema } from 'typeorm';

/** A row of `email_message_refs`, as migrated (column names, types, nullability). */
export interface EmailMessageRefEntity {
  tenant_id: string;
  ref_index: Buffer;
  conversation_id: string;
  message_id: string;
  message_id_enc: Buffer | null;
}

export const EmailMessageRefSchema = new EntitySchema<EmailMessageRefEntity>({
  name: 'email_message_refs',
  tableName: 'email_message_refs',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    ref_index: { type: 'bytea', primary: true },
    conversation_id: { type: 'uuid' },
    message_id: { type: 'uuid' },
    message_id_enc: { type: 'bytea', nullable: true },
  },
});
