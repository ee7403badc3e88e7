import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import {
  ConversationsModule,
  type MessagePurgeHook,
  MessagePurgeHooks,
  type PurgeCounts,
} from '@app/conversations';
import type { TenantTx } from '@app/database';
import { ChannelsPurgeRepository } from './channels-purge.repository.js';

/**
 * Channels' part of a message purge: a web form message whose submission a consent request
 * cites stays (the submission is consent evidence); otherwise the submission, the chat
 * ordering row and the email threading ref go with the message.
 */
@Injectable()
export class ChannelsPurgeHook implements MessagePurgeHook, OnModuleInit {
  readonly name = 'channels';

  constructor(
    private readonly registry: MessagePurgeHooks,
    private readonly purge: ChannelsPurgeRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  kept(tx: TenantTx, messageIds: string[]): Promise<Set<string>> {
    return this.purge.citedBySubmissions(tx, messageIds);
  }

  deleteDependants(tx: TenantTx, messageIds: string[]): Promise<PurgeCounts> {
    return this.purge.deleteOfMessages(tx, messageIds);
  }

  purgeExpired(
    tx: TenantTx,
    at: { now: Date; messageCutoff: Date | null; limit: number },
  ): Promise<PurgeCounts> {
    return this.purge.deleteExpired(tx, at);
  }

  dropExpiredPartitions(now: Date): Promise<Array<{ tenantId: string; counts: PurgeCounts }>> {
    return this.purge.dropExpiredSendGridEventMonths(now);
  }
}

/** Registers channels' purge hook (the api and the worker import it). */
@Module({
  imports: [ConversationsModule],
  providers: [ChannelsPurgeRepository, ChannelsPurgeHook],
})
export class ChannelsRetentionModule {}
