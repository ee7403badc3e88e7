import { Injectable } from '@nestjs/common';
import { ChannelCache } from './channel-cache.js';
import { ChannelRepository, type ChannelType } from './channel.repository.js';
import { isUuid } from '@app/database';

export interface ChannelRoute {
  channelId: string;
  tenantId: string;
  type: ChannelType;
  /** False once the channel is soft-deleted. */
  active: boolean;
}

/**
 * Channel id -> tenant, for webhooks, which arrive before any tenant is known
 * (`ChannelRepository.route` reads the one route the id names).
 */
@Injectable()
export class ChannelRouter {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly cache: ChannelCache,
  ) {}

  /** Found routes are cached (ChannelCache); unknown ids are not, so a new channel routes at once. */
  async byChannelId(channelId: string): Promise<ChannelRoute | null> {
    if (!isUuid(channelId)) return null;
    const cached = this.cache.get<ChannelRoute>('route', channelId);
    if (cached) return cached;
    const route = await this.load(channelId);
    if (route) this.remember(route);
    return route;
  }

  /** The route, fresh from the cache, else null (no query). */
  cached(channelId: string): ChannelRoute | null {
    return (isUuid(channelId) && this.cache.get<ChannelRoute>('route', channelId)) || null;
  }

  /** Caches a route read some other way (e.g. from the channel's row in its practice's transaction). */
  remember(route: ChannelRoute): void {
    this.cache.set('route', route.channelId, route, route.tenantId);
  }

  private async load(channelId: string): Promise<ChannelRoute | null> {
    const row = await this.channels.route(channelId);
    return row
      ? { channelId: row.channel_id, tenantId: row.tenant_id, type: row.type, active: row.active }
      : null;
  }
}
