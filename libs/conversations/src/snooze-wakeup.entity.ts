import { EntitySchema } from 'typeorm';

/** A row of `snooze_wakeups`, as migrated (column names, types, nullability). */
export interface SnoozeWakeupEntity {
  tenant_id: string;
  conversation_id: string;
  due_at: Date;
}

export const SnoozeWakeupSchema = new EntitySchema<SnoozeWakeupEntity>({
  name: 'snooze_wakeups',
  tableName: 'snooze_wakeups',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    conversation_id: { type: 'uuid', primary: true },
    due_at: { type: 'timestamptz' },
  },
});
