import { Injectable, Logger } from '@nestjs/common';
import { UnusableSenderAddressError } from '@app/contacts';
import {
  AttachmentRepository,
  IngestService,
  type IngestResult,
  MessageRepository,
  StaffEvents,
} from '@app/conversations';
import { TenantDb, type TenantTx } from '@app/database';
import { AppError } from '@app/observability';
import { InboundSmsHooks } from './inbound-sms-hooks.js';
import type { SmsChannel } from './sms-channels.js';
import { TwilioMediaFetcher } from './twilio-media-fetcher.js';
import { type InboundSmsPayload, parseInboundSms } from './twilio-payloads.js';
import type { TwilioWebhookRequest } from './twilio-webhook-request.js';
import { TwilioWebhookAuth } from './twilio-webhook-auth.js';
import { twimlResponse } from './twiml.js';

const TWILIO_ACTOR = { type: 'provider', id: 'twilio' } as const;

interface Accepted {
  channel: SmsChannel;
  sms: InboundSmsPayload;
  result: IngestResult;
  twiml: string;
}

/**
 * An inbound SMS/MMS webhook: authenticate, store (idempotently, on MessageSid), run the keyword
 * hooks in the same transaction, answer TwiML. Media is fetched after the message committed, so
 * a slow or failing download never costs the text.
 */
@Injectable()
export class TwilioInboundService {
  private readonly logger = new Logger('TwilioInbound');

  constructor(
    private readonly db: TenantDb,
    private readonly auth: TwilioWebhookAuth,
    private readonly ingest: IngestService,
    private readonly messages: MessageRepository,
    private readonly attachments: AttachmentRepository,
    private readonly hooks: InboundSmsHooks,
    private readonly media: TwilioMediaFetcher,
    private readonly events: StaffEvents,
  ) {}

  /** The TwiML to answer; a retry of the same MessageSid gets the same answer. */
  async receive(request: TwilioWebhookRequest): Promise<string> {
    const route = await this.auth.route(request, { allowDeleted: false });
    const accepted = await this.db.forTenant(route.tenantId, async (tx): Promise<Accepted> => {
      const channel = await this.auth.authenticate(tx, request, { allowDeleted: false });
      const sms = parseInboundSms(request.params);
      const result = await this.store(tx, channel, sms);
      if (result.duplicate)
        return { channel, sms, result, twiml: result.providerReply ?? twimlResponse(null) };
      const reply = await this.hooks.run(tx, {
        tenantId: tx.tenantId,
        channelId: channel.id,
        messageId: result.messageId,
        conversationId: result.conversationId,
        contactId: result.contactId,
        from: sms.from,
        body: sms.body,
        optOutType: sms.optOutType,
      });
      const twiml = twimlResponse(reply);
      if (reply) await this.messages.setProviderReply(tx, result.messageId, twiml);
      return { channel, sms, result, twiml };
    });
    if (accepted.result.attachmentIds.length > 0) await this.fetchMedia(route.tenantId, accepted);
    return accepted.twiml;
  }

  private async store(tx: TenantTx, channel: SmsChannel, sms: InboundSmsPayload): Promise<IngestResult> {
    try {
      return await this.ingest.ingestInbound(tx, {
        channelId: channel.id,
        channel: 'sms',
        from: { phone: sms.from },
        body: sms.body,
        providerMessageId: sms.messageSid,
        media: sms.media,
        actor: TWILIO_ACTOR,
      });
    } catch (err) {
      if (err instanceof UnusableSenderAddressError) {
        throw AppError.validation([{ path: 'From', message: 'must be a phone number' }]);
      }
      throw err;
    }
  }

  /**
   * Downloads each medium and records the outcome. Never throws: the message is already
   * committed and acknowledged; an attachment left `pending` (crash, database down) is visible.
   */
  private async fetchMedia(tenantId: string, { channel, sms, result }: Accepted): Promise<void> {
    try {
      const outcomes = await Promise.all(sms.media.map((m) => this.media.fetch(m.url, channel)));
      await this.db.forTenant(tenantId, async (tx) => {
        for (const [index, attachmentId] of result.attachmentIds.entries()) {
          const outcome = outcomes[index]!;
          if (outcome.ok) {
            await this.attachments.markStored(tx, attachmentId, outcome);
          } else {
            await this.attachments.markFailed(tx, attachmentId, outcome.reason);
            this.logger.warn(
              { tenantId, messageId: result.messageId, attachmentId, reason: outcome.reason },
              'MMS media not stored',
            );
          }
        }
        this.events.publishAfterCommit(tx, {
          type: 'message.attachments_updated',
          conversationId: result.conversationId,
          messageId: result.messageId,
        });
      });
    } catch (err) {
      this.logger.error(
        {
          tenantId,
          messageId: result.messageId,
          err: { name: (err as Error).name, code: (err as { code?: string }).code },
        },
        'MMS media left pending',
      );
    }
  }
}
