import { EntitySchema } from 'typeorm';

/** A row of `routing_rules`, as migrated: conditions (null: any) and actions, one column each. */
export interface RoutingRuleEntity {
  id: string;
  tenant_id: string;
  name: string;
  position: number;
  enabled: boolean;
  on_reopen: boolean;
  channels: string[] | null;
  channel_id: string | null;
  lead_stages: string[] | null;
  keyword: string | null;
  business_hours: 'within' | 'outside' | null;
  assign_user_id: string | null;
  assign_team_id: string | null;
  add_tags: string[];
  priority: string | null;
  lead_stage: string | null;
  created_at: Date;
  updated_at: Date;
}

export const RoutingRuleSchema = new EntitySchema<RoutingRuleEntity>({
  name: 'routing_rules',
  tableName: 'routing_rules',
  columns: {
    id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    name: { type: 'text' },
    position: { type: 'integer' },
    enabled: { type: 'boolean', default: () => 'true' },
    on_reopen: { type: 'boolean', default: () => 'false' },
    channels: { type: 'text', array: true, nullable: true },
    channel_id: { type: 'uuid', nullable: true },
    lead_stages: { type: 'text', array: true, nullable: true },
    keyword: { type: 'text', nullable: true },
    business_hours: { type: 'text', nullable: true },
    assign_user_id: { type: 'uuid', nullable: true },
    assign_team_id: { type: 'uuid', nullable: true },
    add_tags: { type: 'text', array: true, default: () => "'{}'::text[]" },
    priority: { type: 'text', nullable: true },
    lead_stage: { type: 'text', nullable: true },
    created_at: { type: 'timestamptz', default: () => 'now()' },
    updated_at: { type: 'timestamptz', default: () => 'now()' },
  },
});
