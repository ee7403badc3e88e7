import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { ArrivingSms, InboundSms, InboundSmsHook } from '@app/channels';
import { answersBeforeAck, type KeywordAnswer, SmsKeywordAnswers } from '@app/consent';
import { StaffEvents } from '@app/conversations';
import type { TenantTx } from '@app/database';
import { SYSTEM_TEXTS } from '../dispatch/system-texts.js';

/** Each keyword answer as the patient reads it (fixed templates: the practice name only). */
const REPLIES: Record<Exclude<KeywordAnswer, 'likely_opt_out'>, (practice: string) => string> = {
  opt_out_confirmation: SYSTEM_TEXTS.optOutConfirmation,
  resubscribed: SYSTEM_TEXTS.resubscribed,
  help: SYSTEM_TEXTS.help,
  ambiguous_answer: SYSTEM_TEXTS.ambiguousAnswer,
  no_live_request: SYSTEM_TEXTS.noLiveRequest,
  consent_granted: (practice) => SYSTEM_TEXTS.consentRecorded(practice, true),
  consent_declined: (practice) => SYSTEM_TEXTS.consentRecorded(practice, false),
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
    return { reply: REPLIES[answer](await this.practiceName(tx)) };
  }

  private async practiceName(tx: TenantTx): Promise<string> {
    const [row] = await tx.query<{ name: string }>(`SELECT name FROM practices WHERE id = $1`, [tx.tenantId]);
    return row?.name ?? '';
  }
}
