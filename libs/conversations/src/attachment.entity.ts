import { EntitySchema } from 'typeorm';

/** A row of `attachments`, as migrated (column names, types, nullability). */
export interface AttachmentEntity {
  id: string;
  tenant_id: string;
  /** Null for a staff upload no message has claimed yet. */
  message_id: string | null;
  uploaded_by: string | null;
  position: number;
  status: string;
  content_type: string | null;
  size_bytes: number | null;
  content_enc: Buffer | null;
  filename_enc: Buffer | null;
  source_url_enc: Buffer | null;
  failure_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export const AttachmentSchema = new EntitySchema<AttachmentEntity>({
  name: 'attachments',
  tableName: 'attachments',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    message_id: { type: 'uuid', nullable: true },
    uploaded_by: { type: 'uuid', nullable: true },
    position: { type: 'smallint' },
    status: { type: 'text' },
    content_type: { type: 'text', nullable: true },
    size_bytes: { type: 'integer', nullable: true },
    content_enc: { type: 'bytea', nullable: true },
    filename_enc: { type: 'bytea', nullable: true },
    source_url_enc: { type: 'bytea', nullable: true },
    failure_reason: { type: 'text', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
