import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { DeliveryChannel } from '../reply-gate.js';

/** A contact's address on one channel, normalized, with its blind index. */
export interface IndexedAddress {
  address: string;
  index: Buffer;
}

/** Where a consent request's message leaves from. */
export interface ConsentRequestRoute {
  conversationId: string;
  senderChannelId: string;
}

/**
 * The sending side of a consent request, which lives above this lib (the conversation, the
 * practice's sender channel, the outbox): delivery provides it and registers it at module init
 * (`ConsentRequestSenders`), as the contact hooks do.
 */
export interface ConsentRequestSender {
  /**
   * The conversation the request belongs to (the contact's active one, opened if needed) and the
   * channel it leaves from; null when the practice has no channel to send it from.
   */
  routeFor(tx: TenantTx, contactId: string, channel: DeliveryChannel): Promise<ConsentRequestRoute | null>;
  /** Queues the request's message (a system message naming the request) to `address`; its id. */
  queue(
    tx: TenantTx,
    route: ConsentRequestRoute,
    request: QueuedConsentRequest,
  ): Promise<{ messageId: string }>;
}

/** What the sender queues a request's message with. */
export interface QueuedConsentRequest {
  consentRequestId: string;
  contactId: string;
  channel: DeliveryChannel;
  address: IndexedAddress;
  requestedBy: string | null;
}

/** The registered `ConsentRequestSender` (one per process). */
@Injectable()
export class ConsentRequestSenders {
  private sender: ConsentRequestSender | null = null;

  register(sender: ConsentRequestSender): void {
    if (this.sender) throw new Error('consent request sender registered twice');
    this.sender = sender;
  }

  /** @internal */
  get(): ConsentRequestSender {
    if (!this.sender) throw new Error('no consent request sender registered (delivery registers it)');
    return this.sender;
  }
}
