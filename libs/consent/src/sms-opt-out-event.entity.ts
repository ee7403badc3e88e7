import { EntitySchema } from 'typeorm';

/** A row of `sms_opt_out_events`, as migrated (column names, types, nullability). */
export interface SmsOptOutEventEntity {
  id: string;
  tenant_id: string;
  phone_enc: Buffer;
  phone_bidx: Buffer;
  action: string;
  source: string;
  keyword: string | null;
  inbound_message_id: string | null;
  actor_type: string;
  actor_id: string;
  recorded_at: Date;
}

export const SmsOptOutEventSchema = new EntitySchema<SmsOptOutEventEntity>({
  name: 'sms_opt_out_events',
  tableName: 'sms_opt_out_events',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    phone_enc: { type: 'bytea' },
    phone_bidx: { type: 'bytea' },
    action: { type: 'text' },
    source: { type: 'text' },
    keyword: { type: 'text', nullable: true },
    inbound_message_id: { type: 'uuid', nullable: true },
    actor_type: { type: 'text' },
    actor_id: { type: 'text' },
    recorded_at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
  },
});
