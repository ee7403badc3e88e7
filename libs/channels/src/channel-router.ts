import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelCache } from './channel-cache.js';
import type { ChannelType } from './channel.repository.js';
import { isUuid } from '@app/database';

export interface ChannelRoute {
  channelId: string;
  tenantId: string;
  type: ChannelType;
  /** False once the channel is soft-deleted. */
  active: boolean;
}

/**
 * Channel id -> tenant, for webhooks, which arrive before any tenant is known. Row-level
 * security shows this path exactly the one route it names (app.route_channel_id), so it can
 * route but never list.
 */
@Injectable()
export class ChannelRouter {
  constructor(
    private readonly ds: DataSource,
    private readonly cache: ChannelCache,
  ) {}

  /** Found routes are cached (ChannelCache); unknown ids are not, so a new channel routes at once. */
  async byChannelId(channelId: string): Promise<ChannelRoute | null> {
    if (!isUuid(channelId)) return null;
    const cached = this.cache.get<ChannelRoute>('route', channelId);
    if (cached) return cached;
    const route = await this.load(channelId);
    if (route) this.cache.set('route', channelId, route);
    return route;
  }

  private load(channelId: string): Promise<ChannelRoute | null> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT set_config('app.route_channel_id', $1, true)`, [channelId]);
      const rows = (await m.query(
        `SELECT channel_id, tenant_id, type, active FROM channel_routes WHERE channel_id = $1`,
        [channelId],
      )) as Array<{ channel_id: string; tenant_id: string; type: ChannelType; active: boolean }>;
      const row = rows[0];
      return row
        ? { channelId: row.channel_id, tenantId: row.tenant_id, type: row.type, active: row.active }
        : null;
    });
  }
}
