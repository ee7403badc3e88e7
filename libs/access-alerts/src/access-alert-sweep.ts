import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { businessHoursOf, openMillisBetween } from '@app/automation';
import { StaffEvents } from '@app/conversations';
import { RoutedDb, TenantDb, type TenantTx } from '@app/database';
import { practiceSettingsFor } from '@app/identity';
import { type JobHandler, JobQueue } from '@app/jobs';
import type { Actor } from '@app/observability';
import { AccessAlertEmails } from './access-alert-emails.js';
import {
  type AccessAlertThresholds,
  DEFAULT_THRESHOLDS,
  HOUR_MS,
  openedTooMany,
  sweepSpanAt,
} from './access-alert-rules.js';
import {
  AccessAlertsRepository,
  baselineKey,
  type HourActivity,
  type NewAccessAlert,
} from './access-alerts.repository.js';

/** How often the worker looks for unusual access (a burst alerts within this of crossing its threshold). */
export const ACCESS_ALERT_SWEEP_EVERY_MS = 5 * 60_000;

const SWEEP_ACTOR: Actor = { type: 'system', id: 'access_alerts' };

/**
 * Unusual PHI access, from the audit chain, every ACCESS_ALERT_SWEEP_EVERY_MS on the worker: in
 * each practice's transaction, for the previous and the current UTC hour,
 * - counts the conversations each staff user opened (CONVERSATION_OPEN_ACTIONS) and keeps the
 *   counts per hour (`access_hourly_opens`, the baseline's history);
 * - alerts `conversations_opened` when an hour's opens reach the practice's minimum and exceed
 *   its factor x the user's baseline (p95 of their active hours in the 30 days before);
 * - alerts `export_outside_hours` for a bulk export (EXPORT_ACTIONS) while the practice is
 *   closed by its business hours (none set: never);
 * Each alert is one `access_alerts` row, unique per user, kind and hour, so a second worker or a
 * retry raises nothing again; a new one is audited `access_alert.raised`, announced to owners
 * and admins (staff event `access_alert.raised`) and emailed to them after commit.
 */
@Injectable()
export class AccessAlertSweep {
  private readonly logger = new Logger('AccessAlertSweep');

  constructor(
    private readonly routed: RoutedDb,
    private readonly db: TenantDb,
    private readonly repository: AccessAlertsRepository,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
    private readonly emails: AccessAlertEmails,
  ) {}

  /** One pass over every practice at `now` (tests pass a fake clock); how many alerts were new. */
  async run(now: Date = new Date()): Promise<{ practices: number; alerts: number }> {
    const practices = await this.routed.sweep('accessAlertSweep', (tx) => this.repository.practiceIds(tx));
    let alerts = 0;
    let failed = 0;
    for (const practiceId of practices) {
      // One practice's failure must not keep the others from being looked at.
      try {
        alerts += (await this.db.forTenant(practiceId, (tx) => this.practice(tx, now))).length;
      } catch (err) {
        failed++;
        this.logger.warn(
          { practiceId, err: { name: (err as Error).name } },
          'Access alert sweep failed for a practice',
        );
      }
    }
    if (alerts) this.logger.log({ practices: practices.length, alerts }, 'Access alerts raised');
    if (failed) throw new Error(`Access alert sweep failed for ${failed} practices`);
    return { practices: practices.length, alerts };
  }

  /** The practice's pass at `now`: the alerts it raised (none already raised for their window). */
  async practice(tx: TenantTx, now: Date): Promise<NewAccessAlert[]> {
    const { from, to } = sweepSpanAt(now);
    const activity = await this.repository.activity(tx, from, to);
    if (activity.length === 0) return [];
    const thresholds = (await this.repository.thresholds(tx)) ?? DEFAULT_THRESHOLDS;
    // In key order, so two workers' passes lock the same rows in the same order (no deadlock).
    const opened = activity.filter((h) => h.opens > 0).toSorted(byUserAndHour);
    await this.repository.recordHourlyOpens(tx, opened);
    const candidates = [
      ...(await this.openedAlerts(tx, opened, thresholds, now)),
      ...(thresholds.exportsOutsideBusinessHours ? await this.exportAlerts(tx, activity, now) : []),
    ];
    const raised: NewAccessAlert[] = [];
    for (const alert of candidates.toSorted(byUserKindAndWindow))
      if (await this.repository.insertAlert(tx, alert)) raised.push(alert);
    if (raised.length) await this.announce(tx, raised);
    return raised;
  }

  private async openedAlerts(
    tx: TenantTx,
    opened: HourActivity[],
    thresholds: AccessAlertThresholds,
    now: Date,
  ): Promise<NewAccessAlert[]> {
    // Only hours at the minimum can alert: the baseline is read for those users alone.
    const heavy = opened.filter((h) => h.opens >= thresholds.minimumOpensPerHour);
    const baselines = await this.repository.baselines(tx, heavy);
    const alerts: NewAccessAlert[] = [];
    for (const hour of heavy) {
      const baseline = baselines.get(baselineKey(hour.userId, hour.hourStart)) ?? null;
      const { alert, threshold } = openedTooMany(hour.opens, baseline, thresholds);
      if (alert)
        alerts.push(
          newAlert('conversations_opened', hour, { observed: hour.opens, threshold, baseline, now }),
        );
    }
    return alerts;
  }

  private async exportAlerts(tx: TenantTx, activity: HourActivity[], now: Date): Promise<NewAccessAlert[]> {
    const exporting = activity.filter((h) => h.exports.length > 0);
    if (exporting.length === 0) return [];
    const schedule = businessHoursOf((await practiceSettingsFor(tx, ['timeZone', 'businessHours'])).settings);
    if (!schedule) return [];
    const alerts: NewAccessAlert[] = [];
    for (const hour of exporting) {
      const outside = hour.exports.filter(
        (at) => openMillisBetween(schedule, at, new Date(at.getTime() + 1)) === 0,
      );
      if (outside.length)
        alerts.push(
          newAlert('export_outside_hours', hour, {
            observed: outside.length,
            threshold: 0,
            baseline: null,
            now,
          }),
        );
    }
    return alerts;
  }

  /** Audit, staff event and email (to the active owners and admins) of the new alerts. */
  private async announce(tx: TenantTx, alerts: NewAccessAlert[]): Promise<void> {
    const roles = await this.repository.rolesOf(tx, [...new Set(alerts.map((a) => a.userId))]);
    const recipients = (await this.repository.recipients(tx)).map((r) => r.email);
    const tenantId = tx.tenantId;
    for (const alert of alerts) {
      const userRole = roles.get(alert.userId) ?? 'unknown';
      this.audit.record(tx, {
        action: 'access_alert.raised',
        actor: SWEEP_ACTOR,
        target: { type: 'user', id: alert.userId },
        metadata: {
          alertId: alert.id,
          kind: alert.kind,
          role: userRole,
          windowStart: alert.windowStart.toISOString(),
          observed: alert.observed,
          threshold: alert.threshold,
          baseline: alert.baseline,
          recipients: recipients.length,
        },
      });
      this.events.publishAfterCommit(tx, {
        type: 'access_alert.raised',
        alertId: alert.id,
        kind: alert.kind,
        userId: alert.userId,
      });
      tx.afterCommit(() =>
        this.emails.send(tenantId, recipients, {
          alertId: alert.id,
          kind: alert.kind,
          userId: alert.userId,
          userRole,
          observed: alert.observed,
          threshold: alert.threshold,
          windowStart: alert.windowStart,
          windowEnd: alert.windowEnd,
        }),
      );
    }
  }
}

function byUserAndHour(a: HourActivity, b: HourActivity): number {
  return a.userId.localeCompare(b.userId) || a.hourStart.getTime() - b.hourStart.getTime();
}

function byUserKindAndWindow(a: NewAccessAlert, b: NewAccessAlert): number {
  return (
    a.userId.localeCompare(b.userId) ||
    a.kind.localeCompare(b.kind) ||
    a.windowStart.getTime() - b.windowStart.getTime()
  );
}

function newAlert(
  kind: NewAccessAlert['kind'],
  hour: HourActivity,
  facts: { observed: number; threshold: number; baseline: number | null; now: Date },
): NewAccessAlert {
  return {
    id: randomUUID(),
    kind,
    userId: hour.userId,
    windowStart: hour.hourStart,
    windowEnd: new Date(hour.hourStart.getTime() + HOUR_MS),
    observed: facts.observed,
    threshold: facts.threshold,
    baseline: facts.baseline,
    createdAt: facts.now,
  };
}

/** `access_alerts.sweep`: one pass of the sweep. */
@Injectable()
export class AccessAlertSweepJob implements JobHandler<'access_alerts.sweep'> {
  readonly job = 'access_alerts.sweep' as const;
  constructor(private readonly sweep: AccessAlertSweep) {}

  async handle(): Promise<void> {
    await this.sweep.run();
  }
}

/** Registers the periodic sweep when the worker starts. */
@Injectable()
export class AccessAlertSweepSchedule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every('access_alerts.sweep', {}, ACCESS_ALERT_SWEEP_EVERY_MS);
  }
}
