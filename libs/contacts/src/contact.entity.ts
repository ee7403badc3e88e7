import { EntitySchema } from 'typeorm';

/** A row of `contacts`, as migrated (column names, types, nullability). */
export interface ContactEntity {
  id: string;
  tenant_id: string;
  name_enc: Buffer | null;
  phone_enc: Buffer | null;
  email_enc: Buffer | null;
  date_of_birth_enc: Buffer | null;
  name_bidx: Buffer | null;
  phone_bidx: Buffer | null;
  email_bidx: Buffer | null;
  lead_stage: string | null;
  last_activity_at: Date | null;
  created_at: Date;
  updated_at: Date;
  merged_into: string | null;
  claim_of: string | null;
  claimed_phone_enc: Buffer | null;
  claimed_email_enc: Buffer | null;
  claim_reason: string | null;
  source_channel: string | null;
  source_channel_id: string | null;
}

export const ContactSchema = new EntitySchema<ContactEntity>({
  name: 'contacts',
  tableName: 'contacts',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    name_enc: { type: 'bytea', nullable: true },
    phone_enc: { type: 'bytea', nullable: true },
    email_enc: { type: 'bytea', nullable: true },
    date_of_birth_enc: { type: 'bytea', nullable: true },
    name_bidx: { type: 'bytea', nullable: true },
    phone_bidx: { type: 'bytea', nullable: true },
    email_bidx: { type: 'bytea', nullable: true },
    lead_stage: { type: 'text', nullable: true },
    last_activity_at: { type: 'timestamptz', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
    merged_into: { type: 'uuid', nullable: true },
    claim_of: { type: 'uuid', nullable: true },
    claimed_phone_enc: { type: 'bytea', nullable: true },
    claimed_email_enc: { type: 'bytea', nullable: true },
    claim_reason: { type: 'text', nullable: true },
    source_channel: { type: 'text', nullable: true },
    source_channel_id: { type: 'uuid', nullable: true },
  },
});
