import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import type { TenantTx } from '@app/database';

/** Channels whose facts may be held in memory at once (least recently used go first). */
const MAX_CACHED_CHANNELS = 10_000;

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * What every webhook of a channel needs before it can do any work (its route, its decrypted
 * provider secrets), kept in process memory for CHANNEL_CACHE_SECONDS so a busy channel does
 * not pay a routing transaction and a credential decryption per request. A change made through
 * this process drops the channel's entries when it commits; other processes see it within the
 * TTL (a rotated token is picked up at once: a signature that fails against a cached token is
 * checked again against the stored one).
 */
@Injectable()
export class ChannelCache {
  /** channel id -> kind of fact -> entry; Map order is insertion order, so the first channel is the oldest. */
  private readonly channels = new Map<string, Map<string, Entry<unknown>>>();
  private readonly ttlMs: number;

  constructor(@Inject(APP_CONFIG) config: Pick<CoreConfig, 'CHANNEL_CACHE_SECONDS'>) {
    this.ttlMs = config.CHANNEL_CACHE_SECONDS * 1000;
  }

  get<V>(kind: string, channelId: string): V | undefined {
    const entry = this.channels.get(channelId)?.get(kind);
    if (!entry || Date.now() >= entry.expiresAt) return undefined;
    return entry.value as V;
  }

  set<V>(kind: string, channelId: string, value: V): void {
    let facts = this.channels.get(channelId);
    if (!facts) {
      facts = new Map();
      this.channels.set(channelId, facts);
      while (this.channels.size > MAX_CACHED_CHANNELS)
        this.channels.delete(this.channels.keys().next().value!);
    }
    facts.set(kind, { value, expiresAt: Date.now() + this.ttlMs });
  }

  /** Drops the channel's entries now and again once `tx` commits (a reader may refill in between). */
  invalidateOnCommit(tx: TenantTx, channelId: string): void {
    this.channels.delete(channelId);
    tx.afterCommit(() => this.channels.delete(channelId));
  }
}
