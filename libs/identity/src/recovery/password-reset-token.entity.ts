import { EntitySchema } from 'typeorm';

/** A row of `password_reset_tokens`, as migrated (column names, types, nullability). */
export interface PasswordResetTokenEntity {
  id: string;
  tenant_id: string;
  user_id: string;
  token_hash: Buffer;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export const PasswordResetTokenSchema = new EntitySchema<PasswordResetTokenEntity>({
  name: 'password_reset_tokens',
  tableName: 'password_reset_tokens',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    user_id: { type: 'uuid' },
    token_hash: { type: 'bytea' },
    created_at: { type: 'timestamptz' },
    expires_at: { type: 'timestamptz' },
    used_at: { type: 'timestamptz', nullable: true },
    revoked_at: { type: 'timestamptz', nullable: true },
  },
});
