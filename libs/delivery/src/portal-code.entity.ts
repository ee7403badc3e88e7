import { EntitySchema } from 'typeorm';

/** A row of `portal_codes`, as migrated (column names, types, nullability). */
export interface PortalCodeEntity {
  id: string;
  tenant_id: string;
  link_id: string | null;
  message_id: string;
  code_hash: Buffer | null;
  expires_at: Date | null;
  used_at: Date | null;
  created_at: Date;
  chat_session_id: string | null;
}

export const PortalCodeSchema = new EntitySchema<PortalCodeEntity>({
  name: 'portal_codes',
  tableName: 'portal_codes',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    link_id: { type: 'uuid', nullable: true },
    message_id: { type: 'uuid' },
    code_hash: { type: 'bytea', nullable: true },
    expires_at: { type: 'timestamptz', nullable: true },
    used_at: { type: 'timestamptz', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    chat_session_id: { type: 'uuid', nullable: true },
  },
});
