import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { ArrivingSms, InboundSms, InboundSmsHook } from '@app/channels';
import { ConsentLedger, parseSmsKeyword } from '@app/consent';
import { StaffEvents } from '@app/conversations';
import type { TenantTx } from '@app/database';
import { SYSTEM_TEXTS } from '../dispatch/system-texts.js';
import { GateFacts } from '../outbound/gate-facts.js';
import { ConsentRequests } from './consent-requests.js';

/**
 * Carrier keywords and consent answers on inbound SMS, applied in the transaction that stored
 * the message. The reply (TwiML) is a fixed template; when Twilio's Advanced Opt-Out already
 * handled the keyword (OptOutType present) it answered the patient itself, so we do not.
 */
@Injectable()
export class SmsKeywordHook implements InboundSmsHook {
  constructor(
    private readonly ledger: ConsentLedger,
    private readonly requests: ConsentRequests,
    private readonly gate: GateFacts,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  /**
   * Exact keywords (STOP family, START, HELP, YES/NO, or Twilio's OptOutType) are handled before
   * the webhook answers: the opt-out or consent answer commits with the message, before any
   * later send can read the number's state (a STOP never races a queued reply), and the one
   * confirmation goes back as the TwiML of that very webhook (a Twilio retry of the same
   * MessageSid gets the stored reply, never a second one). Everything else, including texts
   * that merely look like an opt-out (flagged for staff, no reply), can wait for the worker.
   */
  beforeAck(sms: ArrivingSms): boolean {
    const { kind } = parseSmsKeyword(sms.body, sms.optOutType);
    return kind !== 'none' && kind !== 'likely_opt_out';
  }

  async onInboundSms(tx: TenantTx, sms: InboundSms): Promise<{ reply: string } | null> {
    const keyword = parseSmsKeyword(sms.body, sms.optOutType);
    const answeredByTwilio = sms.optOutType !== null && sms.optOutType.trim() !== '';
    // Read only when a reply is written: most inbound texts are not keywords.
    const practice = () => this.practiceName(tx);
    switch (keyword.kind) {
      case 'opt_out':
        await this.requests.optOutNumber(tx, sms.from, {
          source: 'keyword',
          keyword: keyword.keyword,
          inboundMessageId: sms.messageId,
        });
        return answeredByTwilio ? null : { reply: SYSTEM_TEXTS.optOutConfirmation(await practice()) };
      case 'opt_in': {
        const address = await this.gate.address(tx, 'sms', sms.from);
        if (!address) return null;
        await this.ledger.recordSmsOptOut(tx, {
          phone: address.address,
          action: 'opt_in',
          source: 'keyword',
          keyword: keyword.keyword,
          inboundMessageId: sms.messageId,
        });
        return answeredByTwilio ? null : { reply: SYSTEM_TEXTS.resubscribed(await practice()) };
      }
      case 'help':
        return answeredByTwilio ? null : { reply: SYSTEM_TEXTS.help(await practice()) };
      case 'consent_yes':
      case 'consent_no': {
        // An opted-out number gets nothing but the STOP confirmation (invariant 2).
        if (await this.ledger.isSmsOptedOut(tx, sms.from)) return null;
        const outcome = await this.requests.answerBySms(
          tx,
          sms.from,
          keyword.kind === 'consent_yes' ? 'granted' : 'declined',
          sms.messageId,
        );
        if (outcome === 'ambiguous') return { reply: SYSTEM_TEXTS.ambiguousAnswer(await practice()) };
        // No request, or one the carrier has not confirmed delivering: ask again, or use the link.
        if (outcome === 'no_live_request' || outcome === 'not_delivered')
          return { reply: SYSTEM_TEXTS.noLiveRequest(await practice()) };
        return { reply: SYSTEM_TEXTS.consentRecorded(await practice(), outcome === 'recorded_granted') };
      }
      case 'likely_opt_out':
        // Not a carrier keyword: staff decide (applying it could silence "stop the medication?").
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
      case 'none':
        return null;
    }
  }

  private async practiceName(tx: TenantTx): Promise<string> {
    const [row] = await tx.query<{ name: string }>(`SELECT name FROM practices WHERE id = $1`, [tx.tenantId]);
    return row?.name ?? '';
  }
}
