import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { ConsentLedger } from '../consent-ledger.js';
import { parseSmsKeyword } from '../sms-keywords.js';
import { ConsentRequests } from './consent-requests.js';

/** An inbound text as the keyword rules read it (stored already, in the caller's transaction). */
export interface KeywordSms {
  messageId: string;
  from: string;
  body: string;
  /** Twilio's Advanced Opt-Out verdict, when Twilio handled the keyword itself. */
  optOutType: string | null;
}

/**
 * What the text did and which fixed answer the patient gets (the caller words it: the system
 * texts are delivery's); `likely_opt_out` is for staff to decide; null: not a keyword, or a
 * keyword Twilio already answered.
 */
export type KeywordAnswer =
  | 'opt_out_confirmation'
  | 'resubscribed'
  | 'help'
  | 'ambiguous_answer'
  | 'no_live_request'
  | 'consent_granted'
  | 'consent_declined'
  | 'likely_opt_out';

/**
 * Exact keywords (STOP family, START, HELP, YES/NO, or Twilio's OptOutType) are handled before
 * the webhook answers: the opt-out or consent answer commits with the message, before any later
 * send can read the number's state (a STOP never races a queued reply), and the one confirmation
 * goes back as the TwiML of that very webhook. Everything else, including texts that merely look
 * like an opt-out (flagged for staff, no reply), can wait for the worker.
 */
export function answersBeforeAck(sms: Pick<KeywordSms, 'body' | 'optOutType'>): boolean {
  const { kind } = parseSmsKeyword(sms.body, sms.optOutType);
  return kind !== 'none' && kind !== 'likely_opt_out';
}

/**
 * Carrier keywords and consent answers on inbound SMS, applied in the transaction that stored
 * the message: STOP opts the number out (consent revoked, live requests cancelled), START opts
 * it back in, YES/NO answers the live request the carrier delivered to it. When Twilio's
 * Advanced Opt-Out already handled the keyword (OptOutType present) it answered the patient
 * itself, so no answer is due.
 */
@Injectable()
export class SmsKeywordAnswers {
  constructor(
    private readonly ledger: ConsentLedger,
    private readonly requests: ConsentRequests,
  ) {}

  async apply(tx: TenantTx, sms: KeywordSms): Promise<KeywordAnswer | null> {
    const keyword = parseSmsKeyword(sms.body, sms.optOutType);
    const answeredByTwilio = sms.optOutType !== null && sms.optOutType.trim() !== '';
    switch (keyword.kind) {
      case 'opt_out':
        await this.requests.optOutNumber(tx, sms.from, {
          source: 'keyword',
          keyword: keyword.keyword,
          inboundMessageId: sms.messageId,
        });
        return answeredByTwilio ? null : 'opt_out_confirmation';
      case 'opt_in': {
        const phone = this.ledger.normalize('sms', sms.from);
        if (!phone) return null;
        await this.ledger.recordSmsOptOut(tx, {
          phone,
          action: 'opt_in',
          source: 'keyword',
          keyword: keyword.keyword,
          inboundMessageId: sms.messageId,
        });
        return answeredByTwilio ? null : 'resubscribed';
      }
      case 'help':
        return answeredByTwilio ? null : 'help';
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
        if (outcome === 'ambiguous') return 'ambiguous_answer';
        // No request, or one the carrier has not confirmed delivering: ask again, or use the link.
        if (outcome === 'no_live_request' || outcome === 'not_delivered') return 'no_live_request';
        return outcome === 'recorded_granted' ? 'consent_granted' : 'consent_declined';
      }
      case 'likely_opt_out':
        // Not a carrier keyword: staff decide (applying it could silence "stop the medication?").
        return 'likely_opt_out';
      case 'none':
        return null;
    }
  }
}
