import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { RoutedDb, TenantDb, type TenantTx } from '@app/database';
import { type JobData, type JobHandler, JobQueue } from '@app/jobs';
import { ConversationRepository } from '../conversation.repository.js';
import { SnoozeWakeupsRepository } from '../snooze-wakeups.repository.js';
import { StaffEvents } from '../staff-events.js';

/** How often the worker looks for due snoozes whose wake job never ran (e.g. Redis lost it). */
export const WAKE_SWEEP_EVERY_MS = 60_000;

/**
 * Reopens a due snoozed conversation; false when it is not due (woken meanwhile or re-snoozed
 * later). Both jobs wake through it, each in its own practice's transaction.
 */
@Injectable()
export class SnoozeWaker {
  constructor(
    private readonly wakeups: SnoozeWakeupsRepository,
    private readonly conversations: ConversationRepository,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  async wakeIfDue(tx: TenantTx, conversationId: string): Promise<boolean> {
    await this.wakeups.removeIfDue(tx, conversationId);
    if (!(await this.conversations.reopenIfSnoozeDue(tx, conversationId))) return false;
    this.audit.record(tx, {
      action: 'conversation.status_changed',
      target: { type: 'conversation', id: conversationId },
      metadata: { from: 'snoozed', to: 'open', reason: 'snooze_ended' },
    });
    this.events.publishAfterCommit(tx, {
      type: 'conversation.status_changed',
      conversationId,
      status: 'open',
      from: 'snoozed',
    });
    return true;
  }
}

@Injectable()
export class SnoozeWakeJob implements JobHandler<'conversation.wake'> {
  readonly job = 'conversation.wake' as const;

  constructor(
    private readonly db: TenantDb,
    private readonly waker: SnoozeWaker,
  ) {}

  async handle(data: JobData<'conversation.wake'>): Promise<void> {
    await this.db.transaction((tx) => this.waker.wakeIfDue(tx, data.conversationId));
  }
}

/**
 * Wakes every due snooze of every practice. The cross-practice read is allowed on
 * snooze_wakeups only (ids and times), by its `wake_sweep` policy; each wake-up then runs in
 * its own practice's transaction like any other change.
 */
@Injectable()
export class SnoozeSweepJob implements JobHandler<'conversation.wake_sweep'> {
  readonly job = 'conversation.wake_sweep' as const;
  private readonly logger = new Logger('SnoozeSweep');

  constructor(
    private readonly routed: RoutedDb,
    private readonly db: TenantDb,
    private readonly wakeups: SnoozeWakeupsRepository,
    private readonly waker: SnoozeWaker,
  ) {}

  async handle(): Promise<void> {
    const due = await this.routed.sweep('wakeSweep', (tx) => this.wakeups.dueAcrossPractices(tx));
    let woken = 0;
    for (const row of due)
      if (await this.db.forTenant(row.tenant_id, (tx) => this.waker.wakeIfDue(tx, row.conversation_id)))
        woken += 1;
    if (woken) this.logger.log({ woken }, 'Woke due snoozes the delayed jobs had not');
  }
}

/** Registers the periodic sweep when the worker starts. */
@Injectable()
export class SnoozeSweepSchedule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every('conversation.wake_sweep', {}, WAKE_SWEEP_EVERY_MS);
  }
}
