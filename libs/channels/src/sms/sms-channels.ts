import { Injectable } from '@nestjs/common';
import { TenantDb, type TenantTx } from '@app/database';
import { ChannelCache } from '../channel-cache.js';
import {
  type ChannelRecord,
  ChannelRepository,
  DEFAULT_SMS_SEND_RATE,
  type SmsChannelConfig,
  type SmsChannelCredentials,
} from '../channel.repository.js';

/** An SMS channel with its secrets, for webhook checks and provider calls; never sent to a client. */
export interface SmsChannel {
  id: string;
  phoneNumber: string;
  accountSid: string;
  authToken: string;
  messagingServiceSid: string | null;
  sendRatePerSecond: number;
  deleted: boolean;
}

interface CachedSmsChannel {
  tenantId: string;
  channel: SmsChannel;
}

@Injectable()
export class SmsChannels {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly cache: ChannelCache,
    private readonly db: TenantDb,
  ) {}

  /**
   * `includeDeleted`: status callbacks about messages sent before the channel was deleted still
   * count. Served from ChannelCache unless `fresh` (e.g. to check a signature the cached token
   * refused against the stored token).
   */
  async load(
    tx: TenantTx,
    id: string,
    options: { includeDeleted?: boolean; fresh?: boolean } = {},
  ): Promise<SmsChannel | null> {
    const cached = options.fresh ? null : this.cached(tx.tenantId, id, { includeDeleted: true });
    return visible(cached ?? (await this.read(tx, id)), options.includeDeleted);
  }

  /** The cached channel of this tenant, when there is one (no transaction, no query). */
  cached(tenantId: string, id: string, options: { includeDeleted?: boolean } = {}): SmsChannel | null {
    const cached = this.cache.get<CachedSmsChannel>('sms', id);
    // The tenant check keeps the cache from answering what row-level security would hide.
    return cached?.tenantId === tenantId ? visible(cached.channel, options.includeDeleted) : null;
  }

  /**
   * The channel as stored, read as practice `tenantId` in a transaction of one round trip, and
   * cached: for a webhook whose cached facts expired, under `ChannelCache.tenantHint` (null when
   * that practice has no such SMS channel). Deleted channels too.
   */
  async refresh(tenantId: string, id: string): Promise<SmsChannel | null> {
    const found = await this.db.forTenant(tenantId, (tx) => this.channels.readAndCommit(tx, id));
    if (!found || found.record.type !== 'sms') return null;
    const credentials = await this.channels.openCredentials<SmsChannelCredentials>(
      tenantId,
      found.sealedCredentials,
    );
    return this.remember(tenantId, found.record, credentials);
  }

  private async read(tx: TenantTx, id: string): Promise<SmsChannel | null> {
    const found = await this.channels.getWithCredentials<SmsChannelCredentials>(tx, id);
    if (!found || found.record.type !== 'sms') return null;
    return this.remember(tx.tenantId, found.record, found.credentials);
  }

  private remember(
    tenantId: string,
    record: ChannelRecord,
    credentials: SmsChannelCredentials | null,
  ): SmsChannel | null {
    if (!credentials?.twilioAuthToken) return null;
    const config = record.config as unknown as SmsChannelConfig;
    const channel: SmsChannel = {
      id: record.id,
      phoneNumber: config.phoneNumber,
      accountSid: config.twilioAccountSid,
      authToken: credentials.twilioAuthToken,
      messagingServiceSid: config.messagingServiceSid ?? null,
      sendRatePerSecond: config.sendRatePerSecond ?? DEFAULT_SMS_SEND_RATE,
      deleted: record.deletedAt !== null,
    };
    this.cache.set<CachedSmsChannel>('sms', record.id, { tenantId, channel }, tenantId);
    return channel;
  }
}

/** A deleted channel only for callers that asked for deleted ones too. */
function visible(channel: SmsChannel | null, includeDeleted = false): SmsChannel | null {
  return channel && (!channel.deleted || includeDeleted) ? channel : null;
}
