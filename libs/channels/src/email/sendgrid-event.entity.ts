import { EntitySchema } from 'typeorm';

/**
 * A row of `sendgrid_events`, as migrated (column names, types, nullability): partitioned by month
 * of received_at, which is why the key holds it (each partition is unique on (tenant_id,
 * sg_event_id): SendGridEventRepository).
 */
export interface SendgridEventEntity {
  tenant_id: string;
  sg_event_id: string;
  channel_id: string;
  received_at: Date;
}

export const SendgridEventSchema = new EntitySchema<SendgridEventEntity>({
  name: 'sendgrid_events',
  tableName: 'sendgrid_events',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    sg_event_id: { type: 'text', primary: true },
    channel_id: { type: 'uuid' },
    received_at: { type: 'timestamptz', primary: true, default: () => 'now()' },
  },
});
