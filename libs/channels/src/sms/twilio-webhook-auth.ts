import { Injectable, Logger } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { AppError } from '@app/observability';
import { type ChannelRoute, ChannelRouter } from '../channel-router.js';
import { type SmsChannel, SmsChannels } from './sms-channels.js';
import { type TwilioWebhookRequest, hasValidTwilioSignature } from './twilio-webhook-request.js';

/**
 * Who may post to `/webhooks/twilio/:channelId/*`: Twilio, signing with that channel's auth
 * token. Unknown channels are 404; a missing or wrong signature is 403 and nothing is written.
 */
@Injectable()
export class TwilioWebhookAuth {
  private readonly logger = new Logger('TwilioWebhooks');

  constructor(
    private readonly router: ChannelRouter,
    private readonly smsChannels: SmsChannels,
  ) {}

  /** The tenant the channel belongs to. `allowDeleted`: for callbacks about earlier sends. */
  async route(request: TwilioWebhookRequest, options: { allowDeleted: boolean }): Promise<ChannelRoute> {
    const route = await this.router.byChannelId(request.channelId);
    if (!route || route.type !== 'sms' || (!route.active && !options.allowDeleted)) {
      throw AppError.notFound('Channel');
    }
    return route;
  }

  /** Inside the tenant's transaction: the channel with its secrets, once the signature checks out. */
  async authenticate(
    tx: TenantTx,
    request: TwilioWebhookRequest,
    { allowDeleted }: { allowDeleted: boolean },
  ): Promise<SmsChannel> {
    const options = { includeDeleted: allowDeleted };
    let channel = await this.smsChannels.load(tx, request.channelId, options);
    if (channel && !hasValidTwilioSignature(channel.authToken, request)) {
      // The token may have been rotated since it was cached: only the stored one can refuse.
      channel = await this.smsChannels.load(tx, request.channelId, { ...options, fresh: true });
    }
    if (!channel) throw AppError.notFound('Channel');
    if (!hasValidTwilioSignature(channel.authToken, request)) {
      // Ids and the reason only: the form fields are the sender's data.
      this.logger.warn(
        {
          channelId: request.channelId,
          reason: request.signature ? 'signature_mismatch' : 'signature_missing',
        },
        'Twilio webhook rejected',
      );
      throw new AppError(403, 'invalid_signature', 'The request signature is not valid for this channel');
    }
    return channel;
  }
}
