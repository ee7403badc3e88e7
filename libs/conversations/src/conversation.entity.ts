import { EntitySchema } from 'typeorm';

/** A row of `conversations`, as migrated (column names, types, nullability). */
export interface ConversationEntity {
  id: string;
  tenant_id: string;
  contact_id: string;
  status: string;
  priority: string;
  assignee_id: string | null;
  last_message_at: Date | null;
  last_message_preview_enc: Buffer | null;
  last_channel: string | null;
  unread_count: number;
  created_at: Date;
  updated_at: Date;
  contact_ambiguous: boolean;
  closed_at: Date | null;
  tags: string[];
  lead_stage: string | null;
  snoozed_until: Date | null;
  secure_message_unread: boolean;
  /** The team a routing rule sent it to (automation's teams). */
  team_id: string | null;
  first_inbound_at: Date | null;
  first_inbound_channel: string | null;
  first_response_at: Date | null;
  waiting_since: Date | null;
  sla_breached_at: Date | null;
}

export const ConversationSchema = new EntitySchema<ConversationEntity>({
  name: 'conversations',
  tableName: 'conversations',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    contact_id: { type: 'uuid' },
    status: { type: 'text', default: () => "'open'::text" },
    priority: { type: 'text', default: () => "'normal'::text" },
    assignee_id: { type: 'uuid', nullable: true },
    last_message_at: { type: 'timestamptz', nullable: true },
    last_message_preview_enc: { type: 'bytea', nullable: true },
    last_channel: { type: 'text', nullable: true },
    unread_count: { type: 'integer', default: () => '0' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
    contact_ambiguous: { type: 'boolean', default: () => 'false' },
    closed_at: { type: 'timestamptz', nullable: true },
    tags: { type: 'text', array: true, default: () => "'{}'::text[]" },
    lead_stage: { type: 'text', nullable: true },
    snoozed_until: { type: 'timestamptz', nullable: true },
    secure_message_unread: { type: 'boolean', default: () => 'false' },
    team_id: { type: 'uuid', nullable: true },
    first_inbound_at: { type: 'timestamptz', nullable: true },
    first_inbound_channel: { type: 'text', nullable: true },
    first_response_at: { type: 'timestamptz', nullable: true },
    waiting_since: { type: 'timestamptz', nullable: true },
    sla_breached_at: { type: 'timestamptz', nullable: true },
  },
});
