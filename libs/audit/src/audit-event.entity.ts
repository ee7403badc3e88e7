import { EntitySchema } from 'typeorm';

/** A row of `audit_events`, as migrated (column names, types, nullability). */
export interface AuditEventEntity {
  id: string;
  tenant_id: string;
  seq: string;
  prev_hash: Buffer | null;
  hash: Buffer;
  occurred_at: Date;
  actor_type: string;
  actor_id: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  metadata: unknown;
  key_id: string | null;
}

export const AuditEventSchema = new EntitySchema<AuditEventEntity>({
  name: 'audit_events',
  tableName: 'audit_events',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    seq: { type: 'bigint' },
    prev_hash: { type: 'bytea', nullable: true },
    hash: { type: 'bytea' },
    // Part of the key: the table is partitioned by month of occurred_at.
    occurred_at: { type: 'timestamptz', primary: true },
    actor_type: { type: 'text' },
    actor_id: { type: 'text' },
    action: { type: 'text' },
    target_type: { type: 'text', nullable: true },
    target_id: { type: 'text', nullable: true },
    outcome: { type: 'text' },
    ip: { type: 'text', nullable: true },
    user_agent: { type: 'text', nullable: true },
    metadata: { type: 'jsonb', default: () => "'{}'::jsonb" },
    key_id: { type: 'text', nullable: true },
  },
});
