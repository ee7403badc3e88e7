import { EntitySchema } from 'typeorm';

/** A row of `users`, as migrated (column names, types, nullability). */
export interface UserEntity {
  id: string;
  tenant_id: string;
  email: string;
  email_normalized: string;
  name: string;
  role: string;
  active: boolean;
  password_hash: string | null;
  token_version: number;
  failed_login_count: number;
  locked_until: Date | null;
  mfa_enabled: boolean;
  totp_secret_enc: Buffer | null;
  totp_pending_secret_enc: Buffer | null;
  totp_last_step: string | null;
  last_login_at: Date | null;
  deactivated_at: Date | null;
  /** An admin reset the user's MFA: they must enrol again (cleared when they do). */
  mfa_reset_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** The user said they take no new conversations for now (round-robin skips them). */
  away: boolean;
}

export const UserSchema = new EntitySchema<UserEntity>({
  name: 'users',
  tableName: 'users',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    email: { type: 'text' },
    email_normalized: { type: 'text' },
    name: { type: 'text' },
    role: { type: 'text' },
    active: { type: 'boolean', default: () => 'true' },
    password_hash: { type: 'text', nullable: true },
    token_version: { type: 'integer', default: () => '1' },
    failed_login_count: { type: 'integer', default: () => '0' },
    locked_until: { type: 'timestamptz', nullable: true },
    mfa_enabled: { type: 'boolean', default: () => 'false' },
    totp_secret_enc: { type: 'bytea', nullable: true },
    totp_pending_secret_enc: { type: 'bytea', nullable: true },
    totp_last_step: { type: 'bigint', nullable: true },
    last_login_at: { type: 'timestamptz', nullable: true },
    deactivated_at: { type: 'timestamptz', nullable: true },
    mfa_reset_at: { type: 'timestamptz', nullable: true },
    away: { type: 'boolean', default: () => 'false' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
