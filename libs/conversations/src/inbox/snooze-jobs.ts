import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { RoutedDb, TenantDb, type TenantTx } from '@app/database';
import { type JobData, type JobHandler, JobQueue } from '@app/jobs';
import { StaffEvents } from '../staff-events.js';

/** How often the worker looks for due snoozes whose wake job never ran (e.g. Redis lost it). */
export const WAKE_SWEEP_EVERY_MS = 60_000;
const SWEEP_BATCH = 500;

/** Reopens a due snoozed conversation; false when it is not due (woken meanwhile or re-snoozed later). */
async function wakeIfDue(
  tx: TenantTx,
  conversationId: string,
  audit: AuditService,
  events: StaffEvents,
): Promise<boolean> {
  await tx.execute(
    `DELETE FROM snooze_wakeups WHERE tenant_id = $1 AND conversation_id = $2 AND due_at <= now()`,
    [tx.tenantId, conversationId],
  );
  const [woken] = await tx.query<{ id: string }>(
    `UPDATE conversations SET status = 'open', snoozed_until = NULL, updated_at = now()
     WHERE tenant_id = $1 AND id = $2 AND status = 'snoozed' AND snoozed_until <= now()
     RETURNING id`,
    [tx.tenantId, conversationId],
  );
  if (!woken) return false;
  audit.record(tx, {
    action: 'conversation.status_changed',
    target: { type: 'conversation', id: conversationId },
    metadata: { from: 'snoozed', to: 'open', reason: 'snooze_ended' },
  });
  events.publishAfterCommit(tx, {
    type: 'conversation.status_changed',
    conversationId,
    status: 'open',
    from: 'snoozed',
  });
  return true;
}

@Injectable()
export class SnoozeWakeJob implements JobHandler<'conversation.wake'> {
  readonly job = 'conversation.wake' as const;

  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  async handle(data: JobData<'conversation.wake'>): Promise<void> {
    await this.db.transaction((tx) => wakeIfDue(tx, data.conversationId, this.audit, this.events));
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
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  async handle(): Promise<void> {
    const due = await this.routed.sweep('wakeSweep', (tx) =>
      tx.query<{ tenant_id: string; conversation_id: string }>(
        `SELECT tenant_id, conversation_id FROM snooze_wakeups WHERE due_at <= now() ORDER BY due_at LIMIT ${SWEEP_BATCH}`,
      ),
    );
    let woken = 0;
    for (const row of due)
      if (
        await this.db.forTenant(row.tenant_id, (tx) =>
          wakeIfDue(tx, row.conversation_id, this.audit, this.events),
        )
      )
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
