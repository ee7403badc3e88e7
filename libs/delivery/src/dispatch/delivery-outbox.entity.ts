import { EntitySchema } from 'typeorm';

/** A row of `delivery_outbox`, as migrated (column names, types, nullability). */
export interface DeliveryOutboxEntity {
  tenant_id: string;
  message_id: string;
  channel: string;
  available_at: Date;
  relays: number;
  created_at: Date;
}

export const DeliveryOutboxSchema = new EntitySchema<DeliveryOutboxEntity>({
  name: 'delivery_outbox',
  tableName: 'delivery_outbox',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    message_id: { type: 'uuid', primary: true },
    channel: { type: 'text' },
    available_at: { type: 'timestamptz', default: () => 'now()' },
    relays: { type: 'integer', default: () => '0' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
