import { EntitySchema } from 'typeorm';

/** A row of `chat_messages`, as migrated (column names, types, nullability). */
export interface ChatMessageEntity {
  tenant_id: string;
  session_id: string;
  message_id: string;
  seq: string;
}

export const ChatMessageSchema = new EntitySchema<ChatMessageEntity>({
  name: 'chat_messages',
  tableName: 'chat_messages',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    session_id: { type: 'uuid' },
    message_id: { type: 'uuid', primary: true },
    seq: { type: 'bigint', generated: 'increment' },
  },
});
