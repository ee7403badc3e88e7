export { WebhooksOutModule, WebhooksOutWorkerModule } from './webhooks-out.module.js';
export { WebhooksOutRetentionModule, WEBHOOK_LOG_DAYS } from './webhooks-out-purge-hook.js';
export { WebhookDeliverJob } from './webhook-deliver.job.js';
export {
  WebhookAttempts,
  WEBHOOK_HOST_RESOLVER,
  retryDelayMs,
  MAX_RETRY_DELAY_MS,
} from './webhook-attempts.js';
export { WebhookRelay } from './webhook-relay.js';
export { FINISHED_DELIVERIES_SQL } from './webhook-delivery.repository.js';
export { WebhooksOutError, WebhooksOutErrorCode } from './webhooks-out.errors.js';
export { webhooksOutHttpErrors } from './http/webhooks-out-http-errors.js';
export { WEBHOOK_EVENT_TYPES, WEBHOOK_DATA_KEYS, type WebhookEventType } from './webhook-events.js';
export { vetEndpointUrl, type HostResolver } from './endpoint-address.js';
export { WEBHOOKS_OUT_ENTITIES } from './webhook.entities.js';
