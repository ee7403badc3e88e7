import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import {
  ConversationsModule,
  type MessagePurgeHook,
  MessagePurgeHooks,
  type PurgeCounts,
} from '@app/conversations';
import type { TenantTx } from '@app/database';
import { DeliveryPurgeRepository } from './delivery-purge.repository.js';

/**
 * Delivery's part of a message purge: everything it keeps per message is the message's own
 * data (attempts, outbox, links, codes, reminder steps) and goes with it; nothing of delivery
 * must outlive a message.
 */
@Injectable()
export class DeliveryPurgeHook implements MessagePurgeHook, OnModuleInit {
  readonly name = 'delivery';

  constructor(
    private readonly registry: MessagePurgeHooks,
    private readonly purge: DeliveryPurgeRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  deleteDependants(tx: TenantTx, messageIds: string[]): Promise<PurgeCounts> {
    return this.purge.deleteOfMessages(tx, messageIds);
  }

  async purgeExpired(tx: TenantTx, at: { now: Date; limit: number }): Promise<PurgeCounts> {
    return { portalCodes: await this.purge.deleteSpentCodes(tx, at.now, at.limit) };
  }
}

/** Registers delivery's purge hook (the api and the worker import it). */
@Module({
  imports: [ConversationsModule],
  providers: [DeliveryPurgeRepository, DeliveryPurgeHook],
})
export class DeliveryRetentionModule {}
