import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { ArrivingSms, InboundSms, InboundSmsHook } from '@app/channels';
import { answersBeforeAck, type KeywordAnswer, SmsKeywordAnswers } from '@app/consent';
import { StaffEvents } from '@app/conversations';
import type { TenantTx } from '@app/database';
import { practiceSettingsFor } from '@app/identity';
import { SYSTEM_TEXTS } from '../dispatch/system-texts.js';

/** What a keyword answer may name: the practice, and for HELP its own answer or number. */
interface ReplyPractice {
  name: string;
  helpReply: string | null;
  helpNumber: string;
}

/** Each keyword answer as the patient reads it (fixed templates, or the practice's own HELP text). */
const REPLIES: Record<Exclude<KeywordAnswer, 'likely_opt_out'>, (practice: ReplyPractice) => string> = {
  opt_out_confirmation: ({ name }) => SYSTEM_TEXTS.optOutConfirmation(name),
  resubscribed: ({ name }) => SYSTEM_TEXTS.resubscribed(name),
  help: ({ name, helpReply, helpNumber }) => helpReply ?? SYSTEM_TEXTS.help(name, helpNumber),
  ambiguous_answer: ({ name }) => SYSTEM_TEXTS.ambiguousAnswer(name),
  no_live_request: ({ name }) => SYSTEM_TEXTS.noLiveRequest(name),
  consent_granted: ({ name }) => SYSTEM_TEXTS.consentRecorded(name, true),
  consent_declined: ({ name }) => SYSTEM_TEXTS.consentRecorded(name, false),
};

/**
 * Plugs consent's SMS keyword rules (`SmsKeywordAnswers`) into the SMS ingest: in the
 * transaction that stored the message, the rules record what the text did; this words the
 * answer (TwiML, a fixed template) and flags a text that only looks like an opt-out to staff.
 */
@Injectable()
export class SmsKeywordHook implements InboundSmsHook {
  constructor(
    private readonly keywords: SmsKeywordAnswers,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  /** Keywords are answered in the webhook's own transaction (see `answersBeforeAck`). */
  beforeAck(sms: ArrivingSms): boolean {
    return answersBeforeAck(sms);
  }

  async onInboundSms(tx: TenantTx, sms: InboundSms): Promise<{ reply: string } | null> {
    const answer = await this.keywords.apply(tx, sms);
    if (answer === null) return null;
    if (answer === 'likely_opt_out') {
      this.audit.record(tx, {
        action: 'sms.likely_opt_out_flagged',
        target: { type: 'message', id: sms.messageId },
        metadata: { conversationId: sms.conversationId },
      });
      this.events.publishAfterCommit(tx, {
        type: 'message.flagged',
        conversationId: sms.conversationId,
        messageId: sms.messageId,
        reason: 'likely_opt_out',
      });
      return null;
    }
    // Read only when a reply is written: most inbound texts are not keywords.
    return { reply: REPLIES[answer](await this.replyPractice(tx, sms)) };
  }

  private async replyPractice(tx: TenantTx, sms: InboundSms): Promise<ReplyPractice> {
    const { name, settings } = await practiceSettingsFor(tx, ['smsHelpReply', 'smsHelpContactNumber']);
    return {
      name,
      helpReply: settings.smsHelpReply,
      helpNumber: settings.smsHelpContactNumber ?? sms.channelNumber,
    };
  }
}
