import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import {
  ConversationsModule,
  type MessagePurgeHook,
  MessagePurgeHooks,
  type PurgeCounts,
} from '@app/conversations';
import type { TenantTx } from '@app/database';
import { MAX_THROTTLE_HOURS } from './auto-reply-schemas.js';
import { purgeLapsedThrottles } from './auto-reply.repository.js';

const HOUR_MS = 3_600_000;

/**
 * Automation's part of the retention sweep: auto-reply throttle rows older than the longest
 * throttle (rate-limit data in Postgres). Nothing of automation references messages.
 */
@Injectable()
export class AutoReplyPurgeHook implements MessagePurgeHook, OnModuleInit {
  readonly name = 'automation';

  constructor(private readonly registry: MessagePurgeHooks) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async purgeExpired(tx: TenantTx, at: { now: Date; limit: number }): Promise<PurgeCounts> {
    const before = new Date(at.now.getTime() - MAX_THROTTLE_HOURS * HOUR_MS);
    return { autoReplyThrottles: await purgeLapsedThrottles(tx, before, at.limit) };
  }
}

/** Registers automation's purge hook (the api and the worker import it). */
@Module({
  imports: [ConversationsModule],
  providers: [AutoReplyPurgeHook],
})
export class AutomationRetentionModule {}
