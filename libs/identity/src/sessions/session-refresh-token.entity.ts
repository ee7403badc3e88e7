import { EntitySchema } from 'typeorm';

/** A row of `session_refresh_tokens`, as migrated (column names, types, nullability). */
export interface SessionRefreshTokenEntity {
  id: string;
  tenant_id: string;
  session_id: string;
  token_hash: Buffer;
  created_at: Date;
  spent_at: Date | null;
}

export const SessionRefreshTokenSchema = new EntitySchema<SessionRefreshTokenEntity>({
  name: 'session_refresh_tokens',
  tableName: 'session_refresh_tokens',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    session_id: { type: 'uuid' },
    token_hash: { type: 'bytea' },
    created_at: { type: 'timestamptz' },
    spent_at: { type: 'timestamptz', nullable: true },
  },
});
