import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type ConsentRequestRoute,
  type ConsentRequestSender,
  ConsentRequestSenders,
  type DeliveryChannel,
  type QueuedConsentRequest,
} from '@app/consent';
import { ConversationRepository, practiceReopenWindowDays } from '@app/conversations';
import type { TenantTx } from '@app/database';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import { SenderChannels } from '../outbound/sender-channels.js';

/**
 * How a consent request (libs/consent) leaves: in the contact's active conversation, from the
 * practice's sender channel, as a queued system message with its outbox row. Registered with
 * consent's `ConsentRequestSenders` at module init.
 */
@Injectable()
export class ConsentRequestDelivery implements ConsentRequestSender, OnModuleInit {
  constructor(
    private readonly senders: ConsentRequestSenders,
    private readonly conversations: ConversationRepository,
    private readonly senderChannels: SenderChannels,
    private readonly outbound: OutboundMessages,
  ) {}

  onModuleInit(): void {
    this.senders.register(this);
  }

  async routeFor(
    tx: TenantTx,
    contactId: string,
    channel: DeliveryChannel,
  ): Promise<ConsentRequestRoute | null> {
    const conversation = await this.conversations.activeFor(tx, contactId, () =>
      practiceReopenWindowDays(tx),
    );
    const senderChannelId = await this.senderChannels.pick(tx, conversation.id, channel);
    return senderChannelId ? { conversationId: conversation.id, senderChannelId } : null;
  }

  async queue(
    tx: TenantTx,
    route: ConsentRequestRoute,
    request: QueuedConsentRequest,
  ): Promise<{ messageId: string }> {
    const message = await this.outbound.create(tx, {
      conversationId: route.conversationId,
      contactId: request.contactId,
      senderChannelId: route.senderChannelId,
      channel: request.channel,
      address: request.address.address,
      addressIndex: request.address.index,
      authorUserId: request.requestedBy,
      content: { kind: 'system', template: 'consent_request', consentRequestId: request.consentRequestId },
    });
    return { messageId: message.id };
  }
}
