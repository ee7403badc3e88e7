import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversationsModule } from '@app/conversations';
import { WebhookEndpointsController } from './http/webhook-endpoints.controller.js';
import { WebhookAttempts } from './webhook-attempts.js';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { WebhookEndpointRepository } from './webhook-endpoint.repository.js';
import { WebhookEndpoints } from './webhook-endpoints.service.js';
import { WebhookRelay } from './webhook-relay.js';
import { WEBHOOKS_OUT_ENTITIES } from './webhook.entities.js';

/** The staff routes of outbound webhook endpoints (api). */
@Module({
  imports: [TypeOrmModule.forFeature(WEBHOOKS_OUT_ENTITIES)],
  controllers: [WebhookEndpointsController],
  providers: [WebhookEndpoints, WebhookEndpointRepository, WebhookDeliveryRepository],
})
export class WebhooksOutModule {}

/**
 * The worker's side (import it into `JobsModule.forWorker`, beside `WebhookDeliverJob`): the
 * attempts the job runs and the relay that enqueues due deliveries.
 */
@Module({
  imports: [TypeOrmModule.forFeature(WEBHOOKS_OUT_ENTITIES), ConversationsModule],
  providers: [WebhookAttempts, WebhookRelay, WebhookEndpointRepository, WebhookDeliveryRepository],
  exports: [WebhookAttempts, WebhookRelay],
})
export class WebhooksOutWorkerModule {}
