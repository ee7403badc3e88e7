import { EntitySchema } from 'typeorm';

/** A row of `email_tls_refusals`, as migrated (column names, types, nullability). */
export interface EmailTlsRefusalEntity {
  tenant_id: string;
  message_id: string;
  address_bidx: Buffer;
  recorded_at: Date;
  recheck_at: Date;
}

export const EmailTlsRefusalSchema = new EntitySchema<EmailTlsRefusalEntity>({
  name: 'email_tls_refusals',
  tableName: 'email_tls_refusals',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    message_id: { type: 'uuid', primary: true },
    address_bidx: { type: 'bytea' },
    recorded_at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
    recheck_at: { type: 'timestamptz' },
  },
});
