import { Module } from '@nestjs/common';
import { PublicIntakeModule } from '@app/channels';
import { ConsentsController } from './consent-requests/consents.controller.js';
import { ConsentsService } from './consent-requests/consents.service.js';
import { ChatVerificationModule } from './chat-verification/chat-verification.module.js';
import { FormConsentModule } from './consent-requests/form-consent.module.js';
import { DeliveryCoreModule } from './delivery-core.module.js';
import { MessageStatusView } from './replies/message-status-view.js';
import { RepliesController } from './replies/replies.controller.js';
import { EmailTlsModule } from './tls/email-tls.module.js';
import { ReplyService } from './replies/reply.service.js';

/** The api's side: replies through the gate, message status, the consent endpoints. */
@Module({
  imports: [
    DeliveryCoreModule,
    PublicIntakeModule,
    FormConsentModule,
    ChatVerificationModule,
    EmailTlsModule,
  ],
  controllers: [RepliesController, ConsentsController],
  providers: [ReplyService, MessageStatusView, ConsentsService],
})
export class DeliveryApiModule {}
