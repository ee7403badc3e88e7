import { Module } from '@nestjs/common';
import { DeliveryCoreModule } from './delivery-core.module.js';
import { Dispatcher } from './dispatch/dispatcher.js';
import { DeliveryMetrics, DeliveryMetricsController } from './dispatch/delivery-metrics.js';
import { DispatchSessions } from './dispatch/dispatch-locks.js';
import { OutboxRelay } from './dispatch/outbox-relay.js';
import { OutgoingContent } from './dispatch/outgoing-content.js';
import { SenderRateLimit } from './dispatch/sender-rate-limit.js';
import { EMAIL_SENDER, SMS_SENDER } from './dispatch/senders.js';
import { SendGridEmailSender } from './dispatch/sendgrid-email-sender.js';
import { TwilioSmsSender } from './dispatch/twilio-sms-sender.js';

/** The worker's side: the dispatcher (behind the delivery jobs), the outbox relay, the senders. */
@Module({
  imports: [DeliveryCoreModule],
  controllers: [DeliveryMetricsController],
  providers: [
    DeliveryMetrics,
    Dispatcher,
    DispatchSessions,
    OutboxRelay,
    OutgoingContent,
    SenderRateLimit,
    { provide: SMS_SENDER, useClass: TwilioSmsSender },
    { provide: EMAIL_SENDER, useClass: SendGridEmailSender },
  ],
  exports: [Dispatcher, OutboxRelay],
})
export class DeliveryWorkerModule {}
