import { EntitySchema } from 'typeorm';

/** A row of `email_suppression_events`, as migrated (column names, types, nullability). */
export interface EmailSuppressionEventEntity {
  id: string;
  tenant_id: string;
  address_bidx: Buffer;
  action: string;
  reason: string;
  message_id: string | null;
  recorded_at: Date;
}

export const EmailSuppressionEventSchema = new EntitySchema<EmailSuppressionEventEntity>({
  name: 'email_suppression_events',
  tableName: 'email_suppression_events',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    address_bidx: { type: 'bytea' },
    action: { type: 'text' },
    reason: { type: 'text' },
    message_id: { type: 'uuid', nullable: true },
    recorded_at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
  },
});
