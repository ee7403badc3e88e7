import { Injectable, Logger } from '@nestjs/common';
import { MessageRepository, StaffEvents, nextStatus } from '@app/conversations';
import { TenantDb } from '@app/database';
import { parseStatusCallback } from './twilio-payloads.js';
import { fromTwilioStatus } from './twilio-status.js';
import type { TwilioWebhookRequest } from './twilio-webhook-request.js';
import { TwilioWebhookAuth } from './twilio-webhook-auth.js';

export type StatusCallbackOutcome = 'updated' | 'unchanged' | 'unknown_message' | 'ignored_status';

/**
 * Delivery status callbacks: authenticated like inbound webhooks, applied through the status
 * machine under a row lock, so duplicates and out-of-order callbacks never move a status back.
 * Callbacks about messages we do not know are acknowledged (Twilio would retry otherwise).
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
    const route = await this.auth.route(request, { allowDeleted: true });
    return this.db.forTenant(route.tenantId, async (tx) => {
      await this.auth.authenticate(tx, request, { allowDeleted: true });
      const callback = parseStatusCallback(request.params);
      const reported = fromTwilioStatus(callback.status);
      if (!reported) return 'ignored_status';
      const message = await this.messages.findByProviderId(tx, 'sms', callback.messageSid, {
        forUpdate: true,
      });
      if (!message || message.direction !== 'outbound') {
        this.logger.debug({ channelId: request.channelId }, 'Status callback for an unknown message');
        return 'unknown_message';
      }
      const next = nextStatus(message.status, reported);
      if (!next) return 'unchanged';
      await this.messages.updateStatus(tx, message.id, next, callback.errorCode);
      this.events.publishAfterCommit(tx, {
        type: 'message.status_changed',
        conversationId: message.conversationId,
        messageId: message.id,
        status: next,
      });
      return 'updated';
    });
  }
}
