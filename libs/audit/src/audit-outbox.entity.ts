import { EntitySchema } from 'typeorm';

/** A row of `audit_outbox`, as migrated (column names, types, nullability). */
export interface AuditOutboxEntity {
  pos: string;
  id: string;
  tenant_id: string;
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
}

export const AuditOutboxSchema = new EntitySchema<AuditOutboxEntity>({
  name: 'audit_outbox',
  tableName: 'audit_outbox',
  columns: {
    pos: { type: 'bigint', primary: true, generated: 'increment' },
    id: { type: 'uuid' },
    tenant_id: { type: 'uuid' },
    occurred_at: { type: 'timestamptz' },
    actor_type: { type: 'text' },
    actor_id: { type: 'text' },
    action: { type: 'text' },
    target_type: { type: 'text', nullable: true },
    target_id: { type: 'text', nullable: true },
    outcome: { type: 'text' },
    ip: { type: 'text', nullable: true },
    user_agent: { type: 'text', nullable: true },
    metadata: { type: 'jsonb', default: () => "'{}'::jsonb" },
  },
});
