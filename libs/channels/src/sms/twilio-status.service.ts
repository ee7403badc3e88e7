import { Injectable, Logger } from '@nestjs/common';
import { MessageRepository, StaffEvents, nextStatus } from '@app/conversations';
import { TenantDb, type TenantTx } from '@app/database';
import { parseStatusCallback } from './twilio-payloads.js';
import { fromTwilioStatus } from './twilio-status.js';
import type { TwilioWebhookRequest } from './twilio-webhook-request.js';
import { TwilioWebhookAuth } from './twilio-webhook-auth.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

  /**
   * Our StatusCallback URL names our message id, so a callback that overtakes the worker's own
   * record of the provider's answer (or follows a crash before it) still finds its message.
   */
  private async byOurId(tx: TenantTx, request: TwilioWebhookRequest, sid: string) {
    const id = new URL(request.url).searchParams.get('messageId');
    if (!id || !UUID.test(id)) return null;
    const message = await this.messages.findByIdForStatus(tx, 'sms', id);
    if (!message || message.direction !== 'outbound') return null;
    if (message.providerMessageId && message.providerMessageId !== sid) return null;
    if (!message.providerMessageId) await this.messages.setProviderMessageId(tx, message.id, sid);
    return message;
  }

  async receive(request: TwilioWebhookRequest): Promise<StatusCallbackOutcome> {
    const { tenantId } = await this.auth.authenticate(request, { allowDeleted: true });
    return this.db.forTenant(tenantId, async (tx) => {
      const callback = parseStatusCallback(request.params);
      const reported = fromTwilioStatus(callback.status);
      if (!reported) return 'ignored_status';
      const message =
        (await this.messages.findByProviderId(tx, 'sms', callback.messageSid, { forUpdate: true })) ??
        (await this.byOurId(tx, request, callback.messageSid));
      if (!message || message.direction !== 'outbound') {
        this.logger.debug({ channelId: request.channelId }, 'Status callback for an unknown message');
        return 'unknown_message';
      }
      const next = nextStatus(message.status, reported);
      if (!next) return 'unchanged';
      await this.messages.updateStatus(tx, message.id, next, callback.errorCode, 'with_commit');
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
