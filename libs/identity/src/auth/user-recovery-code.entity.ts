import { EntitySchema } from 'typeorm';

/** A row of `user_recovery_codes`, as migrated (column names, types, nullability). */
export interface UserRecoveryCodeEntity {
  id: string;
  tenant_id: string;
  user_id: string;
  code_hash: Buffer;
  used_at: Date | null;
  created_at: Date;
}

export const UserRecoveryCodeSchema = new EntitySchema<UserRecoveryCodeEntity>({
  name: 'user_recovery_codes',
  tableName: 'user_recovery_codes',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    user_id: { type: 'uuid' },
    code_hash: { type: 'bytea' },
    used_at: { type: 'timestamptz', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
