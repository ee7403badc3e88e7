import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { businessHoursOf } from '@app/automation';
import { ConversationRepository, StaffEvents } from '@app/conversations';
import { RoutedDb, TenantDb, type TenantTx } from '@app/database';
import { practiceSettingsFor, practicesWithInboxSweep } from '@app/identity';
import { type JobHandler, JobQueue } from '@app/jobs';
import type { Actor } from '@app/observability';

/** How often the worker looks for SLA breaches and idle conversations. */
export const INBOX_SWEEP_EVERY_MS = 60_000;
/** Conversations one pass marks or closes at most per practice (the next pass takes the rest). */
export const INBOX_SWEEP_BATCH = 500;

const DAY_MS = 86_400_000;
const SWEEP_ACTOR: Actor = { type: 'system', id: 'inbox_sweep' };

export interface InboxSweepCounts {
  practices: number;
  breached: number;
  closed: number;
}

/**
 * The inbox's own clock, once a minute on the worker: finds the practices that set an SLA or
 * auto-close (a cross-practice read of practices under `app.inbox_sweep`, ids only), then in each
 * practice's transaction
 * - marks the open conversations whose patient has waited longer than `slaMinutes` since the
 *   first message after the last staff reply (open time when business hours are set, else
 *   wall-clock): once per waiting episode (the mark stays until a staff reply or a close),
 *   audited `conversation.sla_breached`, staff event `conversation.sla_breached`;
 * - closes the open and pending (not snoozed) conversations without a message for
 *   `autoCloseDays`, through conversations' status write (counters by its triggers), audited
 *   `conversation.auto_closed`, staff event `conversation.auto_closed`.
 * Each row is re-checked under its lock and locked rows are skipped, so concurrent passes or a
 * reply racing the sweep never mark or close twice.
 */
@Injectable()
export class InboxSweep {
  private readonly logger = new Logger('InboxSweep');

  constructor(
    private readonly routed: RoutedDb,
    private readonly db: TenantDb,
    private readonly conversations: ConversationRepository,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  /** One pass at `now` (tests pass a fake clock). */
  async run(now: Date = new Date()): Promise<InboxSweepCounts> {
    const practices = await this.routed.sweep('inboxSweep', (tx) => practicesWithInboxSweep(tx));
    const counts: InboxSweepCounts = { practices: practices.length, breached: 0, closed: 0 };
    let failed = 0;
    for (const practiceId of practices) {
      // One practice's failure must not keep the others (after it, every run) from their pass;
      // the run still fails, so the job shows it.
      try {
        const done = await this.db.forTenant(practiceId, (tx) => this.practice(tx, now));
        counts.breached += done.breached;
        counts.closed += done.closed;
      } catch (err) {
        failed++;
        this.logger.warn(
          { practiceId, err: { name: (err as Error).name } },
          'Inbox sweep failed for a practice',
        );
      }
    }
    if (counts.breached || counts.closed) this.logger.log(counts, 'Inbox sweep');
    if (failed) throw new Error(`Inbox sweep failed for ${failed} practice(s)`);
    return counts;
  }

  async practice(tx: TenantTx, now: Date): Promise<{ breached: number; closed: number }> {
    const { settings } = await practiceSettingsFor(tx, [
      'timeZone',
      'businessHours',
      'slaMinutes',
      'autoCloseDays',
    ]);
    let breached = 0;
    let closed = 0;
    if (settings.slaMinutes) {
      const schedule = businessHoursOf(settings);
      const marked = await this.conversations.markSlaBreaches(tx, {
        now,
        slaSeconds: settings.slaMinutes * 60,
        schedule,
        limit: INBOX_SWEEP_BATCH,
      });
      for (const row of marked) {
        this.audit.record(tx, {
          action: 'conversation.sla_breached',
          actor: SWEEP_ACTOR,
          target: { type: 'conversation', id: row.id },
          metadata: {
            waitingSince: row.waiting_since.toISOString(),
            slaMinutes: settings.slaMinutes,
            businessHours: schedule !== null,
          },
        });
        this.events.publishAfterCommit(tx, { type: 'conversation.sla_breached', conversationId: row.id });
      }
      breached = marked.length;
    }
    if (settings.autoCloseDays) {
      const idle = await this.conversations.autoCloseIdle(
        tx,
        new Date(now.getTime() - settings.autoCloseDays * DAY_MS),
        INBOX_SWEEP_BATCH,
      );
      for (const row of idle) {
        this.audit.record(tx, {
          action: 'conversation.auto_closed',
          actor: SWEEP_ACTOR,
          target: { type: 'conversation', id: row.id },
          metadata: { from: row.from_status, autoCloseDays: settings.autoCloseDays },
        });
        this.events.publishAfterCommit(tx, {
          type: 'conversation.auto_closed',
          conversationId: row.id,
          from: row.from_status,
        });
      }
      closed = idle.length;
    }
    return { breached, closed };
  }
}

/** `reports.inbox_sweep`: one pass of the sweep. */
@Injectable()
export class InboxSweepJob implements JobHandler<'reports.inbox_sweep'> {
  readonly job = 'reports.inbox_sweep' as const;
  constructor(private readonly sweep: InboxSweep) {}

  async handle(): Promise<void> {
    await this.sweep.run();
  }
}

/** Registers the periodic sweep when the worker starts. */
@Injectable()
export class InboxSweepSchedule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every('reports.inbox_sweep', {}, INBOX_SWEEP_EVERY_MS);
  }
}
