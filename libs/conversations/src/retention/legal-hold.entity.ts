import { EntitySchema } from 'typeorm';

/** A row of `legal_holds`, as migrated (column names, types, nullability). */
export interface LegalHoldEntity {
  id: string;
  tenant_id: string;
  /** Null: the hold is on the whole practice. */
  contact_id: string | null;
  placed_by: string;
  placed_at: Date;
  released_by: string | null;
  released_at: Date | null;
}

export const LegalHoldSchema = new EntitySchema<LegalHoldEntity>({
  name: 'legal_holds',
  tableName: 'legal_holds',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    contact_id: { type: 'uuid', nullable: true },
    placed_by: { type: 'uuid' },
    placed_at: { type: 'timestamptz' },
    released_by: { type: 'uuid', nullable: true },
    released_at: { type: 'timestamptz', nullable: true },
  },
});
