import { Module } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { SendGridEmailSender, TwilioSmsSender } from '@app/providers';
import { DeliveryCoreModule } from './delivery-core.module.js';
import { DeliveryMetrics } from './dispatch/delivery-metrics.js';
import { DispatchBatches } from './dispatch/dispatch-batches.service.js';
import { DispatchSessions } from './dispatch/dispatch-locks.js';
import { DispatchOutcomes } from './dispatch/dispatch-outcomes.service.js';
import { DispatchRecovery } from './dispatch/dispatch-recovery.service.js';
import { DispatchService } from './dispatch/dispatch.service.js';
import { HeldMessages } from './dispatch/held-messages.js';
import { OutboxRelay } from './dispatch/outbox-relay.js';
import { DeliveryOutboxRepository } from './outbound/delivery-outbox.repository.js';
import { OutgoingContent } from './dispatch/outgoing-content.js';
import { OutgoingLinks } from './dispatch/outgoing-links.repository.js';
import { ProviderCalls } from './dispatch/provider-calls.service.js';
import { SendPreparation } from './dispatch/send-preparation.service.js';
import { SenderCredentials } from './dispatch/sender-credentials.js';
import { SenderRateLimit } from './dispatch/sender-rate-limit.js';
import { SecureReminderSweep } from './reminders/secure-reminder-sweep.js';
import { SecureReminderRepository } from './reminders/secure-reminders.repository.js';
import { EMAIL_SENDER, type EmailSender, SMS_SENDER, type SmsSender } from './dispatch/senders.js';

/** The worker's side: the dispatch (behind the delivery jobs), the outbox relay, the senders. */
@Module({
  imports: [DeliveryCoreModule],
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
    DeliveryOutboxRepository,
    OutgoingContent,
    OutgoingLinks,
    SenderCredentials,
    SenderRateLimit,
    SecureReminderRepository,
    SecureReminderSweep,
    {
      provide: SMS_SENDER,
      inject: [APP_CONFIG],
      useFactory: (config: CoreConfig): SmsSender =>
        new TwilioSmsSender({ baseUrl: config.TWILIO_API_BASE_URL }),
    },
    {
      provide: EMAIL_SENDER,
      inject: [APP_CONFIG],
      useFactory: (config: CoreConfig): EmailSender =>
        new SendGridEmailSender({ baseUrl: config.SENDGRID_API_BASE_URL }),
    },
  ],
  exports: [DispatchService, OutboxRelay, SecureReminderSweep],
})
export class DeliveryWorkerModule {}
