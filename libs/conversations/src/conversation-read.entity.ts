import { EntitySchema } from 'typeorm';

/** A row of `conversation_reads`, as migrated (column names, types, nullability). */
export interface ConversationReadEntity {
  tenant_id: string;
  user_id: string;
  conversation_id: string;
  read_up_to: Date;
}

export const ConversationReadSchema = new EntitySchema<ConversationReadEntity>({
  name: 'conversation_reads',
  tableName: 'conversation_reads',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    user_id: { type: 'uuid', primary: true },
    conversation_id: { type: 'uuid', primary: true },
    read_up_to: { type: 'timestamptz' },
  },
});
