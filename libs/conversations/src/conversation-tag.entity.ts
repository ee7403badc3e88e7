import { EntitySchema } from 'typeorm';

/** A row of `conversation_tags`, as migrated (column names, types, nullability). */
export interface ConversationTagEntity {
  tenant_id: string;
  tag: string;
  conversation_id: string;
  last_message_at: Date | null;
}

export const ConversationTagSchema = new EntitySchema<ConversationTagEntity>({
  name: 'conversation_tags',
  tableName: 'conversation_tags',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    tag: { type: 'text', primary: true },
    conversation_id: { type: 'uuid', primary: true },
    last_message_at: { type: 'timestamptz', nullable: true },
  },
});
