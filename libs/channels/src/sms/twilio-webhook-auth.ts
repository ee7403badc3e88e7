import { Injectable, Logger } from '@nestjs/common';
import { TenantDb } from '@app/database';
import { hasValidTwilioSignature } from '@app/providers';
import { channelNotFound, ChannelsError, ChannelsErrorCode as E } from '../channels.errors.js';
import { ChannelCache } from '../channel-cache.js';
import { ChannelRouter } from '../channel-router.js';
import { type SmsChannel, SmsChannels } from './sms-channels.js';
import type { TwilioWebhookRequest } from './twilio-webhook-request.js';

/** A webhook whose signature checked out: the channel's tenant and the channel with its secrets. */
export interface AuthenticatedTwilioWebhook {
  tenantId: string;
  channel: SmsChannel;
}

/**
 * Who may post to `/webhooks/twilio/:channelId/*`: Twilio, signing with that channel's auth
 * token. Unknown channels are 404; a missing or wrong signature is 403 and nothing is written.
 */
@Injectable()
export class TwilioWebhookAuth {
  private readonly logger = new Logger('TwilioWebhooks');

  constructor(
    private readonly db: TenantDb,
    private readonly router: ChannelRouter,
    private readonly smsChannels: SmsChannels,
    private readonly cache: ChannelCache,
  ) {}

  /**
   * Routes the webhook to its tenant and checks the signature. A busy channel is answered from
   * ChannelCache without any query or transaction; only a cache miss, or a signature the cached
   * token refuses (the token may have been rotated since), reads the stored channel.
   * `allowDeleted`: for callbacks about earlier sends.
   */
  async authenticate(
    request: TwilioWebhookRequest,
    { allowDeleted }: { allowDeleted: boolean },
  ): Promise<AuthenticatedTwilioWebhook> {
    const refreshed = await this.refreshExpired(request);
    if (refreshed) return refreshed;
    const route = await this.router.byChannelId(request.channelId);
    if (!route || route.type !== 'sms' || (!route.active && !allowDeleted)) {
      throw channelNotFound();
    }
    const options = { includeDeleted: allowDeleted };
    const cached = this.smsChannels.cached(route.tenantId, request.channelId, options);
    if (cached && hasValidTwilioSignature(cached.authToken, request)) {
      return { tenantId: route.tenantId, channel: cached };
    }
    const channel = await this.db.forTenant(route.tenantId, (tx) =>
      this.smsChannels.load(tx, request.channelId, { ...options, fresh: true }),
    );
    if (!channel) throw channelNotFound();
    if (!hasValidTwilioSignature(channel.authToken, request)) {
      // Ids and the reason only: the form fields are the sender's data.
      this.logger.warn(
        {
          channelId: request.channelId,
          reason: request.signature ? 'signature_mismatch' : 'signature_missing',
        },
        'Twilio webhook rejected',
      );
      throw new ChannelsError(E.InvalidSignature, 'The request signature is not valid for this channel');
    }
    return { tenantId: route.tenantId, channel };
  }

  /**
   * A channel whose cached facts expired (with traffic spread over thousands of channels, each
   * expires once per CHANNEL_CACHE_SECONDS): read again as the practice it belonged to, in one
   * round trip, instead of a routing transaction and then the practice's. Only when that read
   * finds a live SMS channel whose token the signature matches; else null and the ordinary path
   * decides (and answers 403/404 as it would).
   */
  private async refreshExpired(request: TwilioWebhookRequest): Promise<AuthenticatedTwilioWebhook | null> {
    if (this.router.cached(request.channelId)) return null;
    const tenantId = this.cache.tenantHint(request.channelId);
    if (!tenantId) return null;
    const channel = await this.smsChannels.refresh(tenantId, request.channelId);
    if (!channel || channel.deleted || !hasValidTwilioSignature(channel.authToken, request)) return null;
    // channels.deleted_at and channel_routes.active change together (ChannelRepository.softDelete).
    this.router.remember({ channelId: channel.id, tenantId, type: 'sms', active: true });
    return { tenantId, channel };
  }
}
