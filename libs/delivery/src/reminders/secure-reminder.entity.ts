import { EntitySchema } from 'typeorm';

/** A row of `secure_reminders`, as migrated (column names, types, nullability). */
export interface SecureReminderEntity {
  tenant_id: string;
  message_id: string;
  conversation_id: string;
  reminders_sent: number;
  due_at: Date | null;
  flagged_at: Date | null;
  created_at: Date;
}

export const SecureReminderSchema = new EntitySchema<SecureReminderEntity>({
  name: 'secure_reminders',
  tableName: 'secure_reminders',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    message_id: { type: 'uuid', primary: true },
    conversation_id: { type: 'uuid' },
    reminders_sent: { type: 'integer', default: () => '0' },
    due_at: { type: 'timestamptz', nullable: true },
    flagged_at: { type: 'timestamptz', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
  },
});

/** A row of `secure_reminder_sends`, as migrated. */
export interface SecureReminderSendEntity {
  tenant_id: string;
  message_id: string;
  step: number;
  reminder_message_id: string;
  created_at: Date;
}

export const SecureReminderSendSchema = new EntitySchema<SecureReminderSendEntity>({
  name: 'secure_reminder_sends',
  tableName: 'secure_reminder_sends',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    message_id: { type: 'uuid', primary: true },
    step: { type: 'integer', primary: true },
    reminder_message_id: { type: 'uuid' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
