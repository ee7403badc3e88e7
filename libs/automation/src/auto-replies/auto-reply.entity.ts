import { EntitySchema } from 'typeorm';

/** A row of `auto_reply_settings`, as migrated (one per practice). */
export interface AutoReplySettingsEntity {
  tenant_id: string;
  after_hours_enabled: boolean;
  first_contact_enabled: boolean;
  /** `{afterHours: {sms?, email?, chat?, webform?}, firstContact: {...}}`: PHI-free practice text. */
  templates: unknown;
  throttle_hours: number;
  practice_phone: string | null;
  link: string | null;
  updated_at: Date;
}

export const AutoReplySettingsSchema = new EntitySchema<AutoReplySettingsEntity>({
  name: 'auto_reply_settings',
  tableName: 'auto_reply_settings',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    after_hours_enabled: { type: 'boolean', default: () => 'false' },
    first_contact_enabled: { type: 'boolean', default: () => 'false' },
    templates: { type: 'jsonb', default: () => "'{}'::jsonb" },
    throttle_hours: { type: 'integer', default: () => '12' },
    practice_phone: { type: 'text', nullable: true },
    link: { type: 'text', nullable: true },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});

/** A row of `auto_reply_sends`: the last auto-reply to a contact per inbound channel (the throttle). */
export interface AutoReplySendEntity {
  tenant_id: string;
  contact_id: string;
  channel: string;
  last_sent_at: Date;
}

export const AutoReplySendSchema = new EntitySchema<AutoReplySendEntity>({
  name: 'auto_reply_sends',
  tableName: 'auto_reply_sends',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    contact_id: { type: 'uuid', primary: true },
    channel: { type: 'text', primary: true },
    last_sent_at: { type: 'timestamptz' },
  },
});
