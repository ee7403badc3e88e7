import { Injectable, Logger } from '@nestjs/common';
import { MessageRepository, type ProviderStatusReport, StaffEvents } from '@app/conversations';
import { GroupCommit, TenantDb, isUuid } from '@app/database';
import { fromTwilioStatus } from '@app/providers';
import { parseStatusCallback } from './twilio-payloads.js';
import type { TwilioWebhookRequest } from './twilio-webhook-request.js';
import { TwilioWebhookAuth } from './twilio-webhook-auth.js';

export type StatusCallbackOutcome = 'updated' | 'not_applied' | 'ignored_status';

/** Reports per transaction (each its own prepared UPDATE, all in one round trip). */
const MAX_BATCH = 100;
/**
 * A practice's first callback after a quiet moment waits this long for others: callbacks come
 * spread out (one per message per status), nobody waits on the answer but Twilio, and a fuller
 * transaction saves a commit's round trip and WAL flush per callback.
 */
const LINGER_MS = 5;

/**
 * Delivery status callbacks: authenticated like inbound webhooks, applied through the status
 * machine by a conditional UPDATE, so duplicates and out-of-order callbacks never move a status
 * back. A practice's callbacks that arrive within a few milliseconds, or while its previous batch
 * is being written, go together in one transaction and one round trip (`GroupCommit`): two or
 * three callbacks per message sent are the busiest webhook. Callbacks about messages we do not
 * know are acknowledged (Twilio would retry otherwise).
 */
@Injectable()
export class TwilioStatusService {
  private readonly logger = new Logger('TwilioStatus');
  private readonly reports = new GroupCommit<ProviderStatusReport, boolean>(
    (tenantId, batch) => this.apply(tenantId, batch),
    MAX_BATCH,
    LINGER_MS,
  );

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
    const moved = await this.reports.submit(tenantId, {
      channel: 'sms',
      providerMessageId: callback.messageSid,
      ourId: isUuid(ourId) ? ourId : null,
      status: reported,
      errorCode: callback.errorCode,
    });
    if (moved) return 'updated';
    this.logger.debug({ channelId: request.channelId }, 'Status callback changed nothing');
    return 'not_applied';
  }

  /**
   * One transaction for a practice's batch; per report, whether it moved a message. A batch that
   * loses a race runs again as a whole (each callback still answered once, with its result).
   */
  private apply(tenantId: string, batch: ProviderStatusReport[]): Promise<boolean[]> {
    return this.db.forTenantRetryingConflicts(tenantId, async (tx) => {
      const moved = await this.messages.applyProviderStatusesAndCommit(tx, batch);
      return moved.map((messages, i) => {
        for (const message of messages)
          this.events.publishAfterCommit(tx, {
            type: 'message.status_changed',
            conversationId: message.conversationId,
            messageId: message.id,
            status: batch[i]!.status,
          });
        return messages.length > 0;
      });
    });
  }
}
