import { EntitySchema } from 'typeorm';

/** A row of `sms_inbound`, as migrated (column names, types, nullability). */
export interface SmsInboundEntity {
  seq: string;
  id: string;
  tenant_id: string;
  channel_id: string;
  message_sid: string;
  payload: Buffer;
  received_at: Date;
  attempts: number;
}

export const SmsInboundSchema = new EntitySchema<SmsInboundEntity>({
  name: 'sms_inbound',
  tableName: 'sms_inbound',
  columns: {
    seq: { type: 'bigint', primary: true, generated: 'increment' },
    id: { type: 'uuid' },
    tenant_id: { type: 'uuid' },
    channel_id: { type: 'uuid' },
    message_sid: { type: 'text' },
    payload: { type: 'bytea' },
    received_at: { type: 'timestamptz', default: () => 'now()' },
    attempts: { type: 'integer', default: () => '0' },
  },
});
