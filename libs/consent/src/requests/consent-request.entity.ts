import { EntitySchema } from 'typeorm';

/** A row of `consent_requests`, as migrated (column names, types, nullability). */
export interface ConsentRequestEntity {
  id: string;
  tenant_id: string;
  contact_id: string;
  channel: string;
  address_enc: Buffer;
  address_bidx: Buffer;
  disclosure_version: string;
  status: string;
  token_hash: Buffer | null;
  message_id: string | null;
  requested_by: string | null;
  answer: string | null;
  answered_at: Date | null;
  created_at: Date;
  expires_at: Date;
  form_submission_id: string | null;
}

export const ConsentRequestSchema = new EntitySchema<ConsentRequestEntity>({
  name: 'consent_requests',
  tableName: 'consent_requests',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    contact_id: { type: 'uuid' },
    channel: { type: 'text' },
    address_enc: { type: 'bytea' },
    address_bidx: { type: 'bytea' },
    disclosure_version: { type: 'text' },
    status: { type: 'text' },
    token_hash: { type: 'bytea', nullable: true },
    message_id: { type: 'uuid', nullable: true },
    requested_by: { type: 'uuid', nullable: true },
    answer: { type: 'text', nullable: true },
    answered_at: { type: 'timestamptz', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    expires_at: { type: 'timestamptz' },
    form_submission_id: { type: 'uuid', nullable: true },
  },
});
