import { EntitySchema } from 'typeorm';

/** A row of `login_directory`, as migrated (column names, types, nullability). */
export interface LoginDirectoryEntity {
  email_normalized: string;
  user_id: string;
  tenant_id: string;
  created_at: Date;
  claim_expires_at: Date | null;
}

export const LoginDirectorySchema = new EntitySchema<LoginDirectoryEntity>({
  name: 'login_directory',
  tableName: 'login_directory',
  columns: {
    email_normalized: { type: 'text', primary: true },
    user_id: { type: 'uuid' },
    tenant_id: { type: 'uuid' },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    claim_expires_at: { type: 'timestamptz', nullable: true },
  },
});
