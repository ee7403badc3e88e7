import { EntitySchema } from 'typeorm';

/** A row of `form_submissions`, as migrated (column names, types, nullability). */
export interface FormSubmissionEntity {
  id: string;
  tenant_id: string;
  channel_id: string;
  contact_id: string;
  message_id: string;
  fields_enc: Buffer | null;
  created_at: Date;
  consent_disclosures: unknown | null;
  client_evidence_enc: Buffer | null;
}

export const FormSubmissionSchema = new EntitySchema<FormSubmissionEntity>({
  name: 'form_submissions',
  tableName: 'form_submissions',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    channel_id: { type: 'uuid' },
    contact_id: { type: 'uuid' },
    message_id: { type: 'uuid' },
    fields_enc: { type: 'bytea', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    consent_disclosures: { type: 'jsonb', nullable: true },
    client_evidence_enc: { type: 'bytea', nullable: true },
  },
});
