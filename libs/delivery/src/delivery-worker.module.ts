import { Module } from '@nestjs/common';
import { DeliveryCoreModule } from './delivery-core.module.js';
import { DeliveryMetrics, DeliveryMetricsController } from './dispatch/delivery-metrics.js';
import { DispatchBatches } from './dispatch/dispatch-batches.service.js';
import { DispatchSessions } from './dispatch/dispatch-locks.js';
import { DispatchOutcomes } from './dispatch/dispatch-outcomes.service.js';
import { DispatchRecovery } from './dispatch/dispatch-recovery.service.js';
import { DispatchService } from './dispatch/dispatch.service.js';
import { HeldMessages } from './dispatch/held-messages.js';
import { OutboxRelay } from './dispatch/outbox-relay.js';
import { OutgoingContent } from './dispatch/outgoing-content.js';
import { OutgoingLinks } from './dispatch/outgoing-links.repository.js';
import { ProviderCalls } from './dispatch/provider-calls.service.js';
import { SendPreparation } from './dispatch/send-preparation.service.js';
import { SenderCredentials } from './dispatch/sender-credentials.js';
import { SenderRateLimit } from './dispatch/sender-rate-limit.js';
import { EMAIL_SENDER, SMS_SENDER } from './dispatch/senders.js';
import { SendGridEmailSender } from './dispatch/sendgrid-email-sender.js';
import { TwilioSmsSender } from './dispatch/twilio-sms-sender.js';

/** The worker's side: the dispatch (behind the delivery jobs), the outbox relay, the senders. */
@Module({
  imports: [DeliveryCoreModule],
  controllers: [DeliveryMetricsController],
  providers: [
    DeliveryMetrics,
    DispatchService,
    DispatchBatches,
    SendPreparation,
    ProviderCalls,
    DispatchOutcomes,
    DispatchRecovery,
    HeldMessages,
    DispatchSessions,
    OutboxRelay,
    OutgoingContent,
    OutgoingLinks,
    SenderCredentials,
    SenderRateLimit,
    { provide: SMS_SENDER, useClass: TwilioSmsSender },
    { provide: EMAIL_SENDER, useClass: SendGridEmailSender },
  ],
  exports: [DispatchService, OutboxRelay],
})
export class DeliveryWorkerModule {}
