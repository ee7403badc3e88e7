import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { EmailTlsRefusals } from '@app/channels';
import { ConsentLedger } from '@app/consent';
import { type ProviderMessageRef, StaffEvents } from '@app/conversations';
import type { TenantTx } from '@app/database';
import { practiceSettingsFor } from '@app/identity';
import { Metrics } from '@app/observability';
import type { Counter } from 'prom-client';
import { explain } from '../dispatch/send-errors.js';
import { OutboundMessages } from '../outbound/outbound-messages.js';

/** Why the plain email failed and what it became (message error code, audit and activity). */
export const TLS_REQUIRED = 'tls_required';

/**
 * TLS or portal: SendGrid's Enforced TLS refused an email (its recipient's server cannot take
 * TLS), reported by the Event Webhook. Runs in the event batch's transaction (channels' token
 * `EMAIL_TLS_REFUSALS`), so all of it commits or none: the address is remembered as without TLS
 * for the practice's `noTlsRecheckDays` (the gate then sends consented email to it as a secure
 * link at once); a plain reply fails with `tls_required` and its text goes again as a secure
 * message (route `secure_link`, reason `no_tls`) whose PHI-free notice the ordinary outbox and
 * dispatch send, through the channel's account without Enforced TLS. The conversation's activity
 * shows the conversion (audit `message.converted_to_secure`, ids only). The plain reply's failure
 * is the guard: a redelivered or second refusal finds it failed and changes nothing more.
 */
@Injectable()
export class TlsRefusalConversion implements EmailTlsRefusals {
  private readonly conversions: Counter;

  constructor(
    private readonly ledger: ConsentLedger,
    private readonly outbound: OutboundMessages,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
    metrics: Metrics,
  ) {
    this.conversions = metrics.counter({
      name: 'inbox_email_tls_conversions_total',
      help: "Plain PHI emails converted into secure messages (with a PHI-free notice) because the recipient's mail server could not take TLS (SendGrid Enforced TLS refusals).",
    });
  }

  async refused(tx: TenantTx, message: ProviderMessageRef): Promise<boolean> {
    const { settings } = await practiceSettingsFor(tx, ['noTlsRecheckDays']);
    // Any refused email, a notice included, says the same of the address.
    await this.ledger.recordTlsRefusal(tx, message.id, settings.noTlsRecheckDays);
    const plain = await this.outbound.failRefusedPlainEmail(
      tx,
      message.id,
      TLS_REQUIRED,
      explain(TLS_REQUIRED),
    );
    if (!plain) return false;
    const { body, ...to } = plain;
    const secure = await this.outbound.create(tx, {
      ...to,
      content: { kind: 'reply', route: 'secure_link', routeReason: 'no_tls', body },
    });
    this.audit.record(tx, {
      action: 'message.failed',
      actor: { type: 'provider', id: 'sendgrid' },
      target: { type: 'message', id: message.id },
      metadata: { channel: 'email', code: TLS_REQUIRED },
    });
    this.audit.record(tx, {
      action: 'message.converted_to_secure',
      actor: { type: 'provider', id: 'sendgrid' },
      target: { type: 'conversation', id: plain.conversationId },
      metadata: { messageId: message.id, secureMessageId: secure.id, reason: TLS_REQUIRED },
    });
    this.events.publishAfterCommit(tx, {
      type: 'message.status_changed',
      conversationId: plain.conversationId,
      messageId: message.id,
      status: 'failed',
    });
    tx.afterCommit(() => this.conversions.inc());
    return true;
  }
}
