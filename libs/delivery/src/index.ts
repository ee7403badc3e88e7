export { DeliveryCoreModule } from './delivery-core.module.js';
export { DeliveryApiModule } from './delivery-api.module.js';
export { DeliveryWorkerModule } from './delivery-worker.module.js';
export { SmsDeliveryJob, EmailDeliveryJob } from './dispatch/delivery.jobs.js';
export {
  SecureReminderSweep,
  SecureReminderSweepJob,
  SecureReminderSweepSchedule,
} from './reminders/secure-reminder-sweep.js';
export { SmsKeywordHook } from './consent-requests/sms-keyword.hook.js';
export { OutboxRelay } from './dispatch/outbox-relay.js';
export { DispatchService } from './dispatch/dispatch.service.js';
export { hashLinkToken, linkTokensIn, type LinkToken } from './dispatch/link-tokens.js';
export { OutboundMessages } from './outbound/outbound-messages.js';
export { GateFacts } from './outbound/gate-facts.js';
export { SenderChannels } from './outbound/sender-channels.js';
export { PortalLinkRepository } from './outbound/portal-links.repository.js';
export { portalCodeHash } from './dispatch/portal-codes.js';
export { OneTimeCodeMessages } from './dispatch/one-time-code-messages.js';
export { DeliveryError, DeliveryErrorCode } from './delivery.errors.js';
export { deliveryHttpErrors } from './delivery-http-errors.js';
export { DELIVERY_ENTITIES } from './delivery.entities.js';
export { DeliveryRetentionModule } from './retention/delivery-purge-hook.js';
