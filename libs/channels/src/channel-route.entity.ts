import { EntitySchema } from 'typeorm';
import type { ChannelType } from './channel.entity.js';

/** A row of `channel_routes`, as migrated (column names, types, nullability). */
export interface ChannelRouteEntity {
  channel_id: string;
  tenant_id: string;
  type: ChannelType;
  active: boolean;
  public_key: string | null;
}

export const ChannelRouteSchema = new EntitySchema<ChannelRouteEntity>({
  name: 'channel_routes',
  tableName: 'channel_routes',
  columns: {
    channel_id: { type: 'uuid', primary: true },
    tenant_id: { type: 'uuid' },
    type: { type: 'text' },
    active: { type: 'boolean', default: () => 'true' },
    public_key: { type: 'text', nullable: true },
  },
});
