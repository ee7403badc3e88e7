import { EntitySchema } from 'typeorm';

/**
 * A row of `message_provider_ids`, as migrated: the message a provider's id belongs to, one per
 * tenant, channel and provider id (the uniqueness `messages`, partitioned by id, cannot hold
 * itself). Written by the messages trigger and MessageRepository.insertInbound.
 */
export interface MessageProviderIdEntity {
  tenant_id: string;
  channel: string;
  provider_message_id: string;
  message_id: string;
}

export const MessageProviderIdSchema = new EntitySchema<MessageProviderIdEntity>({
  name: 'message_provider_ids',
  tableName: 'message_provider_ids',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    channel: { type: 'text', primary: true },
    provider_message_id: { type: 'text', primary: true },
    message_id: { type: 'uuid' },
  },
});
