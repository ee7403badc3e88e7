import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { GateFacts } from '../outbound/gate-facts.js';
import type { DispatchMessage } from '../outbound/dispatch-read.js';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import { DispatchOutcomes } from './dispatch-outcomes.service.js';
import { DONE, type Step } from './dispatch-steps.js';
import { OutgoingContent } from './outgoing-content.js';
import { ProviderCalls } from './provider-calls.service.js';
import { SenderCredentials } from './sender-credentials.js';
import { SenderRateLimit } from './sender-rate-limit.js';
import { routeAtSend } from './send-route.policy.js';

/**
 * One message's part of a dispatch batch's first transaction (the message and its address
 * locked): the outcome when it is not sent now, else what to send, its attempt persisted with
 * the COMMIT. In order: skip if already handed over; set aside for a provider lookup if an
 * earlier attempt may have reached the provider; hold back behind the message staff sent before
 * it to the same address (invariant 12); a reminder outside the practice's reminder hours fails
 * (`quiet_hours`); the consent gate again (`routeAtSend`); the sender's
 * rate-limit slot; render (mint the link token); persist the attempt.
 */
@Injectable()
export class SendPreparation {
  constructor(
    private readonly outbound: OutboundMessages,
    private readonly gate: GateFacts,
    private readonly senders: SenderCredentials,
    private readonly content: OutgoingContent,
    private readonly rateLimit: SenderRateLimit,
    private readonly outcomes: DispatchOutcomes,
    private readonly providers: ProviderCalls,
  ) {}

  async prepare(tx: TenantTx, message: DispatchMessage): Promise<Step> {
    const open = message.openAttempt;
    if (!this.outbound.isPending(message)) {
      // The provider's status callback got here first (it names our id) and the run that made
      // the call never recorded it (a crash): the provider has the message, so its attempt ends
      // as found there, audited like a lookup's find, rather than staying open for good.
      if (open && message.providerMessageId) {
        await this.outbound.finishAttempt(tx, message.id, open.id, 'found_at_provider');
        this.outcomes.foundAtProvider(tx, message, open, 'status_callback');
      }
      await this.outbound.leaveOutbox(tx, message.id);
      return DONE;
    }
    const sender = await this.senders.of(tx, message);
    if (!sender) {
      await this.outcomes.fail(tx, message, 'channel_unavailable');
      return DONE;
    }
    if (open)
      return {
        kind: 'recover',
        message,
        open,
        lookup: await this.providers.lookup(tx, message, open, sender),
      };
    // Before the gate and the rate slot: a held message writes nothing and spends none.
    if (message.heldBehind) return { kind: 'held', behind: message.heldBehind };

    // A reminder never goes out at night, even late: it fails rather than wait (the next step may still come).
    if (message.template === 'secure_reminder' && !(await this.content.inReminderHours(tx, new Date()))) {
      await this.outcomes.fail(tx, message, 'quiet_hours');
      return DONE;
    }

    const route = routeAtSend(message, this.gate.forSend(message));
    if (route.kind === 'blocked') {
      await this.outcomes.fail(tx, message, route.reason);
      return DONE;
    }
    if (route.reroutedBecause !== null) await this.outcomes.rerouted(tx, message, route.reroutedBecause);

    // Reserved once the gate let the message go (one it blocks spends none of the sender's
    // rate); the send waits for the slot after COMMIT (not holding the batch). A reroute stays
    // committed if the job is delayed: the next run finds the route already changed.
    const slot =
      sender.kind === 'sms'
        ? await this.rateLimit.take(`sms:${sender.channel.id}`, sender.channel.sendRatePerSecond)
        : { reserved: true, at: Date.now() };
    if (!slot.reserved) return { kind: 'delay', ms: slot.at - Date.now() };

    const outgoing = await this.content.render(tx, message, route.route, sender);
    if (!outgoing) {
      // A consent request superseded, answered or cancelled before it could be sent; a reminder
      // of a secure message read or retracted meanwhile.
      await this.outcomes.fail(
        tx,
        message,
        message.template === 'secure_reminder' ? 'reminder_moot' : 'request_closed',
      );
      return DONE;
    }
    const attempt = this.outbound.startAttempt(tx, message, route.route);
    return { kind: 'send', message, sender, outgoing, attempt, sendAt: slot.at };
  }
}
