import { EntitySchema } from 'typeorm';

/** A row of `conversation_counts`, as migrated (column names, types, nullability).
 *
 * The table has no primary key; TypeORM needs one, so the entity's is its unique key
 * (`UNIQUE NULLS NOT DISTINCT (tenant_id, status, assignee_id)`). */
export interface ConversationCountEntity {
  tenant_id: string;
  status: string;
  assignee_id: string | null;
  n: number;
}

export const ConversationCountSchema = new EntitySchema<ConversationCountEntity>({
  name: 'conversation_counts',
  tableName: 'conversation_counts',
  columns: {
    tenant_id: { type: 'uuid', primary: true },
    status: { type: 'text', primary: true },
    assignee_id: { type: 'uuid', primary: true, nullable: true },
    n: { type: 'integer' },
  },
});
