import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { TtlLruCache } from '@app/crypto';
import type { TenantTx } from '@app/database';

/** Channels held in memory at once unless CHANNEL_CACHE_MAX_CHANNELS says otherwise (its default). */
export const MAX_CACHED_CHANNELS = 20_000;

/** How long a channel's practice is remembered as a hint (`tenantHint`). */
const TENANT_HINT_SECONDS = 24 * 3600;

/** What is cached per channel: its route (tenant) and its SMS credentials. */
export type ChannelFact = 'route' | 'sms';
const FACTS: readonly ChannelFact[] = ['route', 'sms'];

/**
 * What every webhook of a channel needs before it can do any work (its route, its decrypted
 * provider secrets), kept in process memory for CHANNEL_CACHE_SECONDS so a busy channel does
 * not pay a routing transaction and a credential decryption per request. A change made through
 * this process drops the channel's entries when it commits; other processes see it within the
 * TTL (a rotated token is picked up at once: a signature that fails against a cached token is
 * checked again against the stored one). At most CHANNEL_CACHE_MAX_CHANNELS channels' facts are
 * held (the least recently used go first): traffic spread round-robin over more channels than
 * that would miss on every webhook.
 */
@Injectable()
export class ChannelCache {
  private readonly facts: TtlLruCache<string, unknown>;
  private readonly tenants: TtlLruCache<string, string>;

  constructor(
    @Inject(APP_CONFIG)
    config: Pick<CoreConfig, 'CHANNEL_CACHE_SECONDS'> &
      Partial<Pick<CoreConfig, 'CHANNEL_CACHE_MAX_CHANNELS'>>,
  ) {
    // The clock is read at each call, so tests with fake timers see their time.
    this.facts = new TtlLruCache(
      config.CHANNEL_CACHE_SECONDS * 1000,
      FACTS.length * (config.CHANNEL_CACHE_MAX_CHANNELS ?? MAX_CACHED_CHANNELS),
      () => Date.now(),
      // Channels cached together (a restart, a burst) are reread spread over the last 10% of the TTL, not in one wave.
      { jitter: 0.1 },
    );
    this.tenants = new TtlLruCache(
      TENANT_HINT_SECONDS * 1000,
      config.CHANNEL_CACHE_MAX_CHANNELS ?? MAX_CACHED_CHANNELS,
      () => Date.now(),
    );
  }

  get<V>(kind: ChannelFact, channelId: string): V | undefined {
    return this.facts.get(`${kind}:${channelId}`) as V | undefined;
  }

  /**
   * The practice a channel was last seen to belong to, kept past CHANNEL_CACHE_SECONDS (a
   * channel never changes practice; an id and a tenant id, no secret): lets a webhook whose
   * facts expired read its channel in one tenant transaction instead of routing first. A hint,
   * never an answer: what is read under it is what counts.
   */
  tenantHint(channelId: string): string | undefined {
    return this.tenants.get(channelId);
  }

  set<V>(kind: ChannelFact, channelId: string, value: V, tenantId?: string): void {
    this.facts.set(`${kind}:${channelId}`, value);
    if (tenantId) this.tenants.set(channelId, tenantId);
  }

  /** Drops the channel's entries now and again once `tx` commits (a reader may refill in between). */
  invalidateOnCommit(tx: TenantTx, channelId: string): void {
    const drop = () => FACTS.forEach((kind) => this.facts.delete(`${kind}:${channelId}`));
    drop();
    tx.afterCommit(drop);
  }
}
