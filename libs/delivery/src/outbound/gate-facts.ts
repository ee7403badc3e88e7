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
    // The same per-address read as the send-time check (forSend): consent and opt-out in one query.
    // One after the other: both run on the transaction's single connection.
    const sms = addresses.sms
      ? await this.ledger.addressState(tx, contactId, 'sms', addresses.sms.index)
      : null;
    const email = addresses.email
      ? await this.ledger.addressState(tx, contactId, 'email', addresses.email.index)
      : null;
    return {
      requested,
      sms:
        addresses.sms && sms
          ? { address: addresses.sms.address, consent: sms.consent, optedOut: sms.optedOut }
          : null,
      email:
        addresses.email && email
          ? { address: addresses.email.address, consent: email.consent, suppressed: false }
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
