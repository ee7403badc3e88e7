import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { ChannelStoreModule } from '@app/channels';
import { ConsentModule } from '@app/consent';
import { ContactsModule } from '@app/contacts';
import { ConversationsModule } from '@app/conversations';
import { ConsentRequestDelivery } from './consent-requests/consent-request-delivery.js';
import { DeliveryContactHook } from './delivery-contact-hook.js';
import { OneTimeCodeMessages } from './dispatch/one-time-code-messages.js';
import { ContactLinkRepository } from './outbound/contact-links.repository.js';
import { DeliveryQueue } from './outbound/delivery-queue.js';
import { GateFacts } from './outbound/gate-facts.js';
import { OutboundMessages } from './outbound/outbound-messages.js';
import { PortalCodeRepository } from './outbound/portal-codes.repository.js';
import { PortalLinkRepository } from './outbound/portal-links.repository.js';
import { SenderChannels } from './outbound/sender-channels.js';
import { DELIVERY_ENTITIES } from './delivery.entities.js';

/** What both the api (replies, consent requests, the SMS keyword hook's needs) and the worker use. */
@Module({
  imports: [
    TypeOrmModule.forFeature(DELIVERY_ENTITIES),
    ChannelStoreModule,
    ConsentModule,
    ContactsModule,
    ConversationsModule,
  ],
  providers: [
    DeliveryContactHook,
    ContactLinkRepository,
    PortalCodeRepository,
    OneTimeCodeMessages,
    DeliveryQueue,
    OutboundMessages,
    PortalLinkRepository,
    GateFacts,
    SenderChannels,
    ConsentRequestDelivery,
  ],
  exports: [
    ChannelStoreModule,
    ConsentModule,
    ContactsModule,
    ConversationsModule,
    DeliveryQueue,
    OutboundMessages,
    PortalLinkRepository,
    PortalCodeRepository,
    OneTimeCodeMessages,
    GateFacts,
    SenderChannels,
  ],
})
export class DeliveryCoreModule {}
