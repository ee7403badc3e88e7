import { EntitySchema } from 'typeorm';

/** A row of `delivery_attempts`, as migrated (column names, types, nullability). */
export interface DeliveryAttemptEntity {
  id: string;
  tenant_id: string;
  message_id: string;
  attempt: number;
  route: string;
  started_at: Date;
  finished_at: Date | null;
  outcome: string | null;
  error_code: string | null;
}

export const DeliveryAttemptSchema = new EntitySchema<DeliveryAttemptEntity>({
  name: 'delivery_attempts',
  tableName: 'delivery_attempts',
  columns: {
    id: { type: 'uuid' },
    tenant_id: { type: 'uuid', primary: true },
    message_id: { type: 'uuid', primary: true },
    attempt: { type: 'integer', primary: true },
    route: { type: 'text' },
    started_at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
    finished_at: { type: 'timestamptz', nullable: true },
    outcome: { type: 'text', nullable: true },
    error_code: { type: 'text', nullable: true },
  },
});
