import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ChannelCache } from '@app/channels';
import { ConsentRequests } from '@app/consent';
import { StaffEvents } from '@app/conversations';
import type { TenantTx } from '@app/database';
import type { DispatchMessage, OpenAttempt } from '../outbound/dispatch-read.js';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { DONE, type Outcome, type Send } from './dispatch-steps.js';
import { explain, type SendFailure } from './send-errors.js';
import { afterFailure } from './send-retry.policy.js';
import type { Accepted } from './senders.js';

/**
 * What became of a message's dispatch, written in the caller's transaction together with its
 * audit event and, once committed, the staff event: handed over, failed, rerouted, or found at
 * the provider after a crash.
 */
@Injectable()
export class DispatchOutcomes {
  constructor(
    private readonly outbound: OutboundMessages,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
    private readonly channelCache: ChannelCache,
    private readonly metrics: DeliveryMetrics,
    private readonly requests: ConsentRequests,
  ) {}

  accepted(tx: TenantTx, { message, outgoing, attempt }: Send, accepted: Accepted): void {
    this.outbound.markAccepted(tx, message.id, accepted, attempt.id);
    this.audit.record(tx, {
      action: 'message.dispatched',
      target: { type: 'message', id: message.id },
      metadata: { channel: message.channel, route: outgoing.route, attempt: attempt.attempt },
    });
    // Usually the provider answers `queued`, which the message already is: nothing to announce.
    if (accepted.status !== message.status)
      this.events.publishAfterCommit(tx, {
        type: 'message.status_changed',
        conversationId: message.conversationId,
        messageId: message.id,
        status: accepted.status,
      });
  }

  /** The provider call failed: the attempt's outcome, and the job's (see `afterFailure`). */
  async failedCall(tx: TenantTx, { message, sender, attempt }: Send, failure: SendFailure): Promise<Outcome> {
    const after = afterFailure(failure);
    if (after.attempt === 'open') return { kind: 'retry', failure };
    await this.outbound.finishAttempt(tx, message.id, attempt.id, after.attempt, failure.code);
    if (after.attempt === 'retry') {
      // A token rotated a moment ago: the retry must not use the cached one.
      if (after.credentialsRejected && sender.kind === 'sms')
        this.channelCache.invalidateOnCommit(tx, sender.channel.id);
      return { kind: 'retry', failure };
    }
    await this.fail(tx, message, failure.code);
    // Twilio 21610: the carrier says this number sent STOP, which counts as a STOP keyword. In
    // the failure's transaction: a crash after the failure committed would otherwise lose it.
    if (after.optedOut) await this.requests.optOutNumber(tx, message.address, { source: 'provider' });
    return DONE;
  }

  /** Final failure with a code and a fixed, PHI-free explanation. */
  async fail(tx: TenantTx, message: DispatchMessage, code: string): Promise<void> {
    await this.outbound.markFailed(tx, message.id, code, explain(code));
    this.audit.record(tx, {
      action: 'message.failed',
      target: { type: 'message', id: message.id },
      metadata: { channel: message.channel, code },
    });
    this.events.publishAfterCommit(tx, {
      type: 'message.status_changed',
      conversationId: message.conversationId,
      messageId: message.id,
      status: 'failed',
    });
    tx.afterCommit(() => this.metrics.observeFailed(message.channel, code));
  }

  /** The gate changed its mind at send time: a plain reply goes as a secure notice. */
  async rerouted(tx: TenantTx, message: DispatchMessage, reason: string): Promise<void> {
    await this.outbound.reroute(tx, message.id, 'secure_link', reason);
    this.audit.record(tx, {
      action: 'message.rerouted',
      target: { type: 'message', id: message.id },
      metadata: { from: 'plain', to: 'secure_link', reason },
    });
  }

  /** An attempt left without an outcome reached the provider after all: named by its status report, or found by a lookup. */
  foundAtProvider(
    tx: TenantTx,
    message: DispatchMessage,
    open: OpenAttempt,
    foundBy: 'status_callback' | 'lookup',
  ): void {
    this.audit.record(tx, {
      action: 'message.dispatch_recovered',
      target: { type: 'message', id: message.id },
      metadata: { channel: message.channel, attempt: open.attempt, foundBy },
    });
  }
}
