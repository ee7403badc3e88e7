import { Injectable } from '@nestjs/common';
import {
  type AddressFacts,
  ConsentLedger,
  type DeliveryChannel,
  type GateDecision,
  type GateInput,
  decideReplyRoute,
} from '@app/consent';
import type { TenantTx } from '@app/database';
import { Metrics } from '@app/observability';
import type { Counter } from 'prom-client';

/** A contact's address on one channel, normalized, with its blind index. */
export interface ContactAddress {
  address: string;
  index: Buffer;
}

/** Where a gate decision is taken: when staff reply (api), or right before sending (worker). */
export type GateStage = 'reply' | 'send';

/**
 * Reads, at the moment of a decision, the facts the consent gate (`decideReplyRoute`, a pure
 * function) needs: consent for each exact address and the SMS opt-out state; applies the gate
 * and counts each decision (stage, route, channel, reason: never who or which address).
 */
@Injectable()
export class GateFacts {
  private readonly decisions: Counter<'stage' | 'route' | 'channel' | 'reason'>;

  constructor(
    private readonly ledger: ConsentLedger,
    metrics: Metrics,
  ) {
    this.decisions = metrics.counter({
      name: 'inbox_consent_gate_decisions_total',
      help: 'Consent gate decisions by stage (reply: when staff reply; send: again before sending), route (plain, secure_link, chat, blocked), channel and reason.',
      labelNames: ['stage', 'route', 'channel', 'reason'],
    });
  }

  /** The gate's decision on these facts, counted. */
  decide(input: GateInput, stage: GateStage): GateDecision {
    const decision = decideReplyRoute(input);
    this.decisions.inc({
      stage,
      route: decision.route,
      channel: 'channel' in decision ? decision.channel : decision.route === 'chat' ? 'chat' : 'none',
      reason: 'reason' in decision ? decision.reason : 'none',
    });
    return decision;
  }

  /** Normalized address + blind index, or null when the value is not a valid phone / email. */
  async address(tx: TenantTx, channel: DeliveryChannel, raw: string | null): Promise<ContactAddress | null> {
    const address = raw ? this.ledger.normalize(channel, raw) : null;
    if (!address) return null;
    return { address, index: await this.ledger.addressIndex(tx, channel, address) };
  }

  /** The gate's inputs for a reply to this contact (chat: a present session, and whether it is proven). */
  async forReply(
    tx: TenantTx,
    contactId: string,
    requested: GateInput['requested'],
    addresses: { sms: ContactAddress | null; email: ContactAddress | null },
    chat: { present: boolean; proven: boolean },
    attachments: boolean,
  ): Promise<GateInput> {
    // The same per-address read as the send-time check (forSend), one after the other: both run
    // on the transaction's single connection.
    const sms = addresses.sms && (await this.state(tx, contactId, 'sms', addresses.sms));
    const email = addresses.email && (await this.state(tx, contactId, 'email', addresses.email));
    return { requested, sms, email, chat, attachments };
  }

  /**
   * The gate again, at send time, for the exact address the message is bound to, on the facts
   * read with the message under its address lock (`OutboundMessages.lockBatchForDispatch`).
   */
  forSend(message: { channel: DeliveryChannel; address: string; addressFacts: AddressFacts }): GateDecision {
    const state = { address: message.address, ...message.addressFacts };
    return this.decide(
      {
        requested: message.channel,
        sms: message.channel === 'sms' ? state : null,
        email: message.channel === 'email' ? state : null,
        chat: null,
        // A message with files was stored as a secure link, and the send-time check never
        // turns one plain (routeAtSend): files cannot change this decision's use.
        attachments: false,
      },
      'send',
    );
  }

  /** One address as the gate takes it: consent, and the SMS opt-out or email suppression, in one query. */
  private async state(
    tx: TenantTx,
    contactId: string,
    channel: DeliveryChannel,
    { address, index }: ContactAddress,
  ) {
    return { address, ...(await this.ledger.addressFacts(tx, contactId, channel, index)) };
  }
}
