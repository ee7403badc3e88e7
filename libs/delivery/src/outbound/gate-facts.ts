import { Injectable } from '@nestjs/common';
import {
  ConsentLedger,
  type DeliveryChannel,
  type GateDecision,
  type GateInput,
  decideReplyRoute,
} from '@app/consent';
import type { TenantTx } from '@app/database';

/** A contact's address on one channel, normalized, with its blind index. */
export interface ContactAddress {
  address: string;
  index: Buffer;
}

/**
 * Reads, at the moment of a decision, the facts the consent gate (`decideReplyRoute`, a pure
 * function) needs: consent for each exact address and the SMS opt-out state.
 */
@Injectable()
export class GateFacts {
  constructor(private readonly ledger: ConsentLedger) {}

  /** Normalized address + blind index, or null when the value is not a valid phone / email. */
  async address(tx: TenantTx, channel: DeliveryChannel, raw: string | null): Promise<ContactAddress | null> {
    const address = raw ? this.ledger.normalize(channel, raw) : null;
    if (!address) return null;
    return { address, index: await this.ledger.addressIndex(tx, channel, address) };
  }

  /** The gate's inputs for a reply to this contact (chat: whether a live session exists). */
  async forReply(
    tx: TenantTx,
    contactId: string,
    requested: GateInput['requested'],
    addresses: { sms: ContactAddress | null; email: ContactAddress | null },
    chatSessionActive: boolean,
  ): Promise<GateInput> {
    const [smsConsent, optedOut, emailConsent] = await Promise.all([
      addresses.sms ? this.ledger.decisionFor(tx, contactId, 'sms', addresses.sms.address) : null,
      addresses.sms ? this.ledger.isSmsOptedOut(tx, addresses.sms.address) : false,
      addresses.email ? this.ledger.decisionFor(tx, contactId, 'email', addresses.email.address) : null,
    ]);
    return {
      requested,
      sms: addresses.sms ? { address: addresses.sms.address, consent: smsConsent, optedOut } : null,
      email: addresses.email
        ? { address: addresses.email.address, consent: emailConsent, suppressed: false }
        : null,
      chat: { sessionActive: chatSessionActive },
    };
  }

  /** The gate again, at send time, for the exact address the message is bound to. */
  async forSend(
    tx: TenantTx,
    message: { contactId: string; channel: DeliveryChannel; address: string; addressIndex: Buffer },
  ): Promise<GateDecision> {
    const state = await this.ledger.addressState(
      tx,
      message.contactId,
      message.channel,
      message.addressIndex,
    );
    if (message.channel === 'sms') {
      return decideReplyRoute({
        requested: 'sms',
        sms: { address: message.address, consent: state.consent, optedOut: state.optedOut },
        email: null,
        chat: null,
      });
    }
    return decideReplyRoute({
      requested: 'email',
      sms: null,
      email: { address: message.address, consent: state.consent, suppressed: false },
      chat: null,
    });
  }
}
