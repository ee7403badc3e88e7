import { EntitySchema } from 'typeorm';

/** A row of `messages`, as migrated (column names, types, nullability). */
export interface MessageEntity {
  id: string;
  tenant_id: string;
  conversation_id: string;
  channel: string;
  direction: string;
  kind: string;
  body_enc: Buffer | null;
  status: string;
  delivery_route: string | null;
  provider_message_id: string | null;
  error_code: string | null;
  error_message: string | null;
  author_user_id: string | null;
  created_at: Date;
  updated_at: Date;
  contact_id: string | null;
  channel_id: string | null;
  provider_reply: string | null;
  body_html_enc: Buffer | null;
  to_address_enc: Buffer | null;
  to_address_bidx: Buffer | null;
  route_reason: string | null;
  template: string | null;
  consent_request_id: string | null;
  retracted_at: Date | null;
  portal_link_id: string | null;
  sender_authentication: unknown | null;
}

export const MessageSchema = new EntitySchema<MessageEntity>({
  name: 'messages',
  tableName: 'messages',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    conversation_id: { type: 'uuid' },
    channel: { type: 'text' },
    direction: { type: 'text' },
    kind: { type: 'text', default: () => "'message'::text" },
    body_enc: { type: 'bytea', nullable: true },
    status: { type: 'text' },
    delivery_route: { type: 'text', nullable: true },
    provider_message_id: { type: 'text', nullable: true },
    error_code: { type: 'text', nullable: true },
    error_message: { type: 'text', nullable: true },
    author_user_id: { type: 'uuid', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
    contact_id: { type: 'uuid', nullable: true },
    channel_id: { type: 'uuid', nullable: true },
    provider_reply: { type: 'text', nullable: true },
    body_html_enc: { type: 'bytea', nullable: true },
    to_address_enc: { type: 'bytea', nullable: true },
    to_address_bidx: { type: 'bytea', nullable: true },
    route_reason: { type: 'text', nullable: true },
    template: { type: 'text', nullable: true },
    consent_request_id: { type: 'uuid', nullable: true },
    retracted_at: { type: 'timestamptz', nullable: true },
    portal_link_id: { type: 'uuid', nullable: true },
    sender_authentication: { type: 'jsonb', nullable: true },
  },
});
