import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { UnusableSenderAddressError } from '@app/contacts';
import {
  AttachmentRepository,
  IngestService,
  type IngestResult,
  MessageRepository,
  StaffEvents,
} from '@app/conversations';
import { normalizePhone } from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import { EMPTY_TWIML, twimlResponse } from '@app/providers';
import { ChannelsError } from '../channels.errors.js';
import { InboundSmsHooks } from './inbound-sms-hooks.js';
import type { SmsChannel } from './sms-channels.js';
import { TwilioMediaFetcher } from './twilio-media-fetcher.js';
import type { InboundSmsPayload } from './twilio-payloads.js';

const TWILIO_ACTOR = { type: 'provider', id: 'twilio' } as const;

export interface StoredSms {
  result: IngestResult;
  /** The TwiML this text is answered with (a retry of its MessageSid gets the same). */
  twiml: string;
  /** A hook replied (this time). */
  replied: boolean;
}

/**
 * One inbound text into the conversation store, the same way whether the webhook does it (a
 * keyword, answered in TwiML) or the worker does it later (an acknowledged ordinary text):
 * IngestService (idempotent on MessageSid), then the keyword hooks in the same transaction,
 * then, after commit, the MMS media.
 */
@Injectable()
export class SmsIngest {
  private readonly logger = new Logger('SmsIngest');

  constructor(
    private readonly db: TenantDb,
    private readonly ingest: IngestService,
    private readonly messages: MessageRepository,
    private readonly attachments: AttachmentRepository,
    private readonly hooks: InboundSmsHooks,
    private readonly media: TwilioMediaFetcher,
    private readonly events: StaffEvents,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'DEFAULT_PHONE_REGION'>,
  ) {}

  /** 400 unless `From` is a phone number a contact can be matched on (checked before acknowledging). */
  assertUsableSender(sms: InboundSmsPayload): void {
    if (!normalizePhone(sms.from, this.config.DEFAULT_PHONE_REGION)) throw unusableSender();
  }

  /** Stores the text and runs the hooks inside `tx`; a duplicate MessageSid writes nothing. */
  async store(tx: TenantTx, channel: SmsChannel, sms: InboundSmsPayload): Promise<StoredSms> {
    const result = await this.ingestMessage(tx, channel, sms);
    if (result.duplicate) return { result, twiml: result.providerReply ?? EMPTY_TWIML, replied: false };
    const reply = await this.hooks.run(tx, {
      tenantId: tx.tenantId,
      channelId: channel.id,
      channelNumber: channel.phoneNumber,
      messageId: result.messageId,
      conversationId: result.conversationId,
      contactId: result.contactId,
      from: sms.from,
      body: sms.body,
      optOutType: sms.optOutType,
    });
    const twiml = twimlResponse(reply);
    if (reply) await this.messages.setProviderReply(tx, result.messageId, twiml);
    return { result, twiml, replied: reply !== null };
  }

  private async ingestMessage(tx: TenantTx, channel: SmsChannel, sms: InboundSmsPayload) {
    try {
      return await this.ingest.ingestInbound(tx, {
        channelId: channel.id,
        channel: 'sms',
        from: { phone: sms.from },
        body: sms.body,
        providerMessageId: sms.messageSid,
        media: sms.media,
        actor: TWILIO_ACTOR,
        // A keyword (STOP, HELP, YES...) has its own answer: nothing may answer it automatically.
        noAutoAnswer: this.hooks.beforeAck(sms) ? 'keyword' : null,
      });
    } catch (err) {
      if (err instanceof UnusableSenderAddressError) throw unusableSender();
      throw err;
    }
  }

  /**
   * Downloads each medium and records the outcome. Never throws: the message is already
   * committed; an attachment left `pending` (crash, database down) is visible.
   */
  async fetchMedia(
    tenantId: string,
    channel: SmsChannel,
    sms: InboundSmsPayload,
    result: IngestResult,
  ): Promise<void> {
    if (result.attachmentIds.length === 0) return;
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

function unusableSender(): ChannelsError {
  return ChannelsError.validation([{ path: 'From', message: 'must be a phone number' }]);
}
