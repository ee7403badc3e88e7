import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import {
  ConversationsModule,
  type MessagePurgeHook,
  MessagePurgeHooks,
  type PurgeCounts,
} from '@app/conversations';
import type { TenantTx } from '@app/database';
import { BASELINE_DAYS } from './access-alert-rules.js';
import { AccessAlertsRepository } from './access-alerts.repository.js';

/**
 * How long a user's hourly count of opened conversations is kept: the baseline's BASELINE_DAYS
 * before the hour the sweep judges (the previous or the current one) and a day of margin.
 */
export const HOURLY_OPENS_KEPT_DAYS = BASELINE_DAYS + 1;

const DAY_MS = 86_400_000;

/**
 * Access-alerts' part of the retention sweep: hourly counts no baseline reads any more
 * (sweep data). Alerts are kept (a security record, like the audit chain).
 */
@Injectable()
export class AccessAlertsPurgeHook implements MessagePurgeHook, OnModuleInit {
  readonly name = 'access-alerts';

  constructor(
    private readonly registry: MessagePurgeHooks,
    private readonly repository: AccessAlertsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async purgeExpired(tx: TenantTx, at: { now: Date; limit: number }): Promise<PurgeCounts> {
    const before = new Date(at.now.getTime() - HOURLY_OPENS_KEPT_DAYS * DAY_MS);
    return { accessHourlyOpens: await this.repository.purgeHourlyOpens(tx, before, at.limit) };
  }
}

/** Registers access-alerts' purge hook (the api and the worker import it). */
@Module({
  imports: [ConversationsModule],
  providers: [AccessAlertsRepository, AccessAlertsPurgeHook],
})
export class AccessAlertsRetentionModule {}
