import { Injectable, Logger } from '@nestjs/common';
import { MessageRepository, StaffEvents } from '@app/conversations';
import { TenantDb, isUuid } from '@app/database';
import { parseStatusCallback } from './twilio-payloads.js';
import { fromTwilioStatus } from './twilio-status.js';
import type { TwilioWebhookRequest } from './twilio-webhook-request.js';
import { TwilioWebhookAuth } from './twilio-webhook-auth.js';

export type StatusCallbackOutcome = 'updated' | 'not_applied' | 'ignored_status';

/**
 * Delivery status callbacks: authenticated like inbound webhooks, applied through the status
 * machine in one conditional UPDATE (one round trip), so duplicates and out-of-order callbacks
 * never move a status back. Callbacks about messages we do not know are acknowledged (Twilio
 * would retry otherwise).
 */
@Injectable()
export class TwilioStatusService {
  private readonly logger = new Logger('TwilioStatus');

  constructor(
    private readonly db: TenantDb,
    private readonly auth: TwilioWebhookAuth,
    private readonly messages: MessageRepository,
    private readonly events: StaffEvents,
  ) {}

  async receive(request: TwilioWebhookRequest): Promise<StatusCallbackOutcome> {
    const { tenantId } = await this.auth.authenticate(request, { allowDeleted: true });
    const callback = parseStatusCallback(request.params);
    const reported = fromTwilioStatus(callback.status);
    if (!reported) return 'ignored_status';
    // Our StatusCallback URL names our message id, so a callback that overtakes the worker's own
    // record of the provider's answer (or follows a crash before it) still finds its message.
    const ourId = new URL(request.url).searchParams.get('messageId');
    return this.db.forTenant(tenantId, async (tx) => {
      const moved = await this.messages.applyProviderStatusAndCommit(tx, {
        channel: 'sms',
        providerMessageId: callback.messageSid,
        ourId: isUuid(ourId) ? ourId : null,
        status: reported,
        errorCode: callback.errorCode,
      });
      if (moved.length === 0) {
        this.logger.debug({ channelId: request.channelId }, 'Status callback changed nothing');
        return 'not_applied';
      }
      for (const message of moved)
        this.events.publishAfterCommit(tx, {
          type: 'message.status_changed',
          conversationId: message.conversationId,
          messageId: message.id,
          status: reported,
        });
      return 'updated';
    });
  }
}
