import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import {
  ConversationsModule,
  type MessagePurgeHook,
  MessagePurgeHooks,
  type PurgeCounts,
} from '@app/conversations';
import type { TenantTx } from '@app/database';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';

/**
 * How long a finished delivery (delivered or failed) stays in the endpoint's log, with its
 * attempts, after it finished: the log is what staff read to see what a receiver got and what
 * they replay from. Ten times the default retry window (3 days), so a receiver's outage noticed
 * weeks later can still be read and replayed; the rows hold ids and status names only.
 */
export const WEBHOOK_LOG_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * Webhooks-out's part of the retention sweep: deliveries finished more than WEBHOOK_LOG_DAYS
 * ago, with their attempts. A pending delivery (retrying, or replayed) is never purged. Nothing
 * of webhooks-out references messages (a delivery's data names ids only, no key).
 */
@Injectable()
export class WebhooksOutPurgeHook implements MessagePurgeHook, OnModuleInit {
  readonly name = 'webhooks-out';

  constructor(
    private readonly registry: MessagePurgeHooks,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async purgeExpired(tx: TenantTx, at: { now: Date; limit: number }): Promise<PurgeCounts> {
    const before = new Date(at.now.getTime() - WEBHOOK_LOG_DAYS * DAY_MS);
    return this.deliveries.purgeFinished(tx, before, at.limit);
  }
}

/** Registers webhooks-out's purge hook (the api and the worker import it). */
@Module({
  imports: [ConversationsModule],
  providers: [WebhookDeliveryRepository, WebhooksOutPurgeHook],
})
export class WebhooksOutRetentionModule {}
