import { Injectable } from '@nestjs/common';
import { ChannelCache } from './channel-cache.js';
import type { ChannelType } from './channel.repository.js';
import { isUuid, RoutedDb } from '@app/database';

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
    private readonly routed: RoutedDb,
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

  private async load(channelId: string): Promise<ChannelRoute | null> {
    const [row] = await this.routed.lookup<{
      channel_id: string;
      tenant_id: string;
      type: ChannelType;
      active: boolean;
    }>(
      { channelId },
      `SELECT channel_id, tenant_id, type, active FROM channel_routes WHERE channel_id = $1`,
      [channelId],
    );
    return row
      ? { channelId: row.channel_id, tenantId: row.tenant_id, type: row.type, active: row.active }
      : null;
  }
}
