import { EntitySchema } from 'typeorm';

/** A row of `consent_records`, as migrated (column names, types, nullability). */
export interface ConsentRecordEntity {
  id: string;
  tenant_id: string;
  contact_id: string;
  channel: string;
  address_enc: Buffer;
  address_bidx: Buffer;
  decision: string;
  method: string;
  actor_type: string;
  actor_id: string;
  consent_request_id: string | null;
  inbound_message_id: string | null;
  evidence_enc: Buffer | null;
  disclosure_version: string | null;
  disclosure_hash: Buffer | null;
  copied_from: string | null;
  recorded_at: Date;
}

export const ConsentRecordSchema = new EntitySchema<ConsentRecordEntity>({
  name: 'consent_records',
  tableName: 'consent_records',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    contact_id: { type: 'uuid' },
    channel: { type: 'text' },
    address_enc: { type: 'bytea' },
    address_bidx: { type: 'bytea' },
    decision: { type: 'text' },
    method: { type: 'text' },
    actor_type: { type: 'text' },
    actor_id: { type: 'text' },
    consent_request_id: { type: 'uuid', nullable: true },
    inbound_message_id: { type: 'uuid', nullable: true },
    evidence_enc: { type: 'bytea', nullable: true },
    disclosure_version: { type: 'text', nullable: true },
    disclosure_hash: { type: 'bytea', nullable: true },
    copied_from: { type: 'uuid', nullable: true },
    recorded_at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
  },
});
