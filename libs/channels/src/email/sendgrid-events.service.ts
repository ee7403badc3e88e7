import { ConsentLedger } from '@app/consent';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { type ProviderMessageRef, MessageRepository, StaffEvents, nextStatus } from '@app/conversations';
import { TenantDb, type TenantTx, isUuid } from '@app/database';
import {
  type SendGridEvent,
  fromSendGridEvent,
  parseSendGridEventBatch,
  suppressionReason,
  sendGridErrorCode,
  sendGridMessageId,
} from '@app/providers';
import { channelNotFound, ChannelsError, ChannelsErrorCode } from '../channels.errors.js';
import { ChannelRouter } from '../channel-router.js';
import { type EmailChannel, EmailChannels, eventsAuthSettings } from './email-channel.repository.js';
import { type EventsAuthRefusal, eventsAuthRefusal } from './sendgrid-events-auth.js';
import { EMAIL_TLS_REFUSALS, type EmailTlsRefusals } from './email-tls-refusals.js';
import { SendGridEventRepository } from './sendgrid-event.repository.js';

const REFUSAL_CODES: Record<EventsAuthRefusal['code'], ChannelsErrorCode> = {
  invalid_secret: ChannelsErrorCode.InvalidSecret,
  invalid_signature: ChannelsErrorCode.InvalidSignature,
  signature_expired: ChannelsErrorCode.SignatureExpired,
  events_unauthenticated: ChannelsErrorCode.EventsUnauthenticated,
};

export interface EventWebhookPost {
  channelId: string;
  rawBody: Buffer | undefined;
  body: unknown;
  signature: string | null;
  timestamp: string | null;
  /** The secret path segment of `/events/:secret`; null on the plain (signed) URL. */
  urlSecret: string | null;
}

const count = (description: string) => z.int().nonnegative().meta({ description });

/** What an Event Webhook batch did, event by event (the api answers it). */
export const eventBatchOutcomeSchema = z.object({
  updated: count('Events that moved a message’s status forward'),
  unchanged: count('Events about a status the message already had or passed'),
  duplicates: count('Events (by sg_event_id) applied before'),
  unknownMessages: count('Events about messages we did not send'),
  ignored: count('Events that say nothing about delivery'),
  suppressed: count('Events whose only effect is that the address is suppressed (spam report, unsubscribe)'),
  convertedToSecure: count(
    'Enforced TLS refusals of a plain email (the recipient’s server cannot take TLS): the message now goes as a secure message with a PHI-free notice',
  ),
});
export type EventBatchOutcome = z.output<typeof eventBatchOutcomeSchema>;

/**
 * An Event Webhook batch: authenticated first (the signature over a fresh timestamp when the
 * channel has a key, else the URL secret; 403 and nothing applied otherwise, see
 * `eventsAuthRefusal`), then the whole batch in one transaction. Each sg_event_id applies once; statuses move only
 * forward through the shared machine; events about messages we do not know are acknowledged.
 */
@Injectable()
export class SendGridEventsService {
  private readonly logger = new Logger('SendGridEvents');

  constructor(
    private readonly db: TenantDb,
    private readonly router: ChannelRouter,
    private readonly emailChannels: EmailChannels,
    private readonly messages: MessageRepository,
    private readonly seenEvents: SendGridEventRepository,
    private readonly staffEvents: StaffEvents,
    private readonly consent: ConsentLedger,
    @Inject(EMAIL_TLS_REFUSALS) private readonly tlsRefusals: EmailTlsRefusals,
  ) {}

  async receive(post: EventWebhookPost): Promise<EventBatchOutcome> {
    const route = await this.router.byChannelId(post.channelId);
    // Deleted channels still take events: they are about emails sent before the deletion.
    if (!route || route.type !== 'email') throw channelNotFound();
    // A batch that lost a race committed nothing: it runs again rather than answer 409.
    return this.db.forTenantRetryingConflicts(route.tenantId, async (tx) => {
      const channel = await this.emailChannels.load(tx, post.channelId, { includeDeleted: true });
      if (!channel) throw channelNotFound();
      this.authenticate(channel, post);
      const batch = parseSendGridEventBatch(post.body);
      if (!batch.ok) throw ChannelsError.validation(batch.problems);
      const outcome: EventBatchOutcome = {
        updated: 0,
        unchanged: 0,
        duplicates: 0,
        unknownMessages: 0,
        ignored: 0,
        suppressed: 0,
        convertedToSecure: 0,
      };
      for (const event of batch.value) outcome[await this.apply(tx, channel.id, event)] += 1;
      return outcome;
    });
  }

  private authenticate(channel: EmailChannel, post: EventWebhookPost): void {
    const refused = eventsAuthRefusal(eventsAuthSettings(channel.config), post, Date.now());
    if (!refused) return;
    this.logger.warn(
      { channelId: channel.id, reason: refused.code, signed: post.signature !== null },
      'SendGrid event batch rejected',
    );
    throw new ChannelsError(REFUSAL_CODES[refused.code], refused.message);
  }

  private async apply(
    tx: TenantTx,
    channelId: string,
    event: SendGridEvent,
  ): Promise<keyof EventBatchOutcome> {
    if (event.sg_event_id && !(await this.seenEvents.recordFirstSighting(tx, channelId, event.sg_event_id)))
      return 'duplicates';
    const reported = fromSendGridEvent(event.event);
    const suppression = suppressionReason(event);
    if (!reported && !suppression) return 'ignored';
    const message = await this.findMessage(tx, event);
    if (!message || message.direction !== 'outbound') return 'unknownMessages';
    // Enforced TLS dropped a plain PHI email: it goes again as a secure message, not as a failure.
    if (event.tlsRefused && (await this.tlsRefusals.refused(tx, message))) return 'convertedToSecure';
    // The address, not just this message: the gate refuses email to it from now on.
    if (suppression) await this.consent.suppressEmailAddressOf(tx, message.id, suppression);
    if (!reported) return 'suppressed';
    const next = nextStatus(message.status, reported);
    if (!next) return 'unchanged';
    await this.messages.updateStatus(
      tx,
      message.id,
      next,
      sendGridErrorCode(event.event),
      event.sg_message_id ? sendGridMessageId(event.sg_message_id) : null,
    );
    this.staffEvents.publishAfterCommit(tx, {
      type: 'message.status_changed',
      conversationId: message.conversationId,
      messageId: message.id,
      status: next,
    });
    return 'updated';
  }

  /** By our id (custom arg) first, then by SendGrid's X-Message-Id; email messages of this tenant only. */
  private async findMessage(tx: TenantTx, event: SendGridEvent): Promise<ProviderMessageRef | null> {
    if (event.messageId && isUuid(event.messageId)) {
      const byId = await this.messages.findByIdForStatus(tx, 'email', event.messageId);
      if (byId) return byId;
    }
    if (event.sg_message_id) {
      return this.messages.findByProviderId(tx, 'email', sendGridMessageId(event.sg_message_id), {
        forUpdate: true,
      });
    }
    return null;
  }
}
