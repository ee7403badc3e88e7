import { EntitySchema } from 'typeorm';

/** A row of `user_sessions`, as migrated (column names, types, nullability). */
export interface UserSessionEntity {
  id: string;
  tenant_id: string;
  user_id: string;
  mfa_state: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export const UserSessionSchema = new EntitySchema<UserSessionEntity>({
  name: 'user_sessions',
  tableName: 'user_sessions',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    user_id: { type: 'uuid' },
    mfa_state: { type: 'text' },
    created_at: { type: 'timestamptz' },
    last_seen_at: { type: 'timestamptz' },
    expires_at: { type: 'timestamptz' },
    revoked_at: { type: 'timestamptz', nullable: true },
    revoked_reason: { type: 'text', nullable: true },
    ip: { type: 'text', nullable: true },
    user_agent: { type: 'text', nullable: true },
  },
});
