import { EntitySchema } from 'typeorm';

/** A row of `practices`, as migrated (column names, types, nullability). */
export interface PracticeEntity {
  id: string;
  name: string;
  settings: unknown;
  created_at: Date;
  updated_at: Date;
}

export const PracticeSchema = new EntitySchema<PracticeEntity>({
  name: 'practices',
  tableName: 'practices',
  columns: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    settings: { type: 'jsonb', default: () => "'{}'::jsonb" },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
