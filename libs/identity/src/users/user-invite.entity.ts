import { EntitySchema } from 'typeorm';

/** A row of `user_invites`, as migrated (column names, types, nullability). */
export interface UserInviteEntity {
  id: string;
  tenant_id: string;
  user_id: string;
  token_hash: Buffer;
  created_by: string;
  expires_at: Date;
  accepted_at: Date | null;
  created_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

export const UserInviteSchema = new EntitySchema<UserInviteEntity>({
  name: 'user_invites',
  tableName: 'user_invites',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    user_id: { type: 'uuid' },
    token_hash: { type: 'bytea' },
    created_by: { type: 'uuid' },
    expires_at: { type: 'timestamptz' },
    accepted_at: { type: 'timestamptz', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    revoked_at: { type: 'timestamptz', nullable: true },
    revoked_reason: { type: 'text', nullable: true },
  },
});
