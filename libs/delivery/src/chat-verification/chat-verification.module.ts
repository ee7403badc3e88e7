import { Global, Module } from '@nestjs/common';
import { CHAT_ADDRESS_VERIFIER } from '@app/channels';
import { DeliveryCoreModule } from '../delivery-core.module.js';
import { ChatAddressVerification } from './chat-address-verification.js';
import { ChatVerificationRepository } from './chat-verification.repository.js';

/**
 * Gives the website chat (libs/channels, which this library depends on, so it cannot import us)
 * the one-time codes that prove a typed address. Global for the same reason as FormConsentModule.
 */
@Global()
@Module({
  imports: [DeliveryCoreModule],
  providers: [
    ChatAddressVerification,
    ChatVerificationRepository,
    { provide: CHAT_ADDRESS_VERIFIER, useExisting: ChatAddressVerification },
  ],
  exports: [CHAT_ADDRESS_VERIFIER],
})
export class ChatVerificationModule {}
