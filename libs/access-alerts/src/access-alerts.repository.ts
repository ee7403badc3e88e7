import { Injectable } from '@nestjs/common';
import { multiRowValues, type SweepTx, type TenantTx } from '@app/database';
import type { AccessAlertEntity, AccessAlertSettingsEntity } from './access-alert.entity.js';
import {
  type AccessAlertKind,
  type AccessAlertThresholds,
  BASELINE_DAYS,
  BASELINE_PERCENTILE,
  CONVERSATION_OPEN_ACTIONS,
  EXPORT_ACTIONS,
} from './access-alert-rules.js';

/** What one user did in one UTC hour, from the audit chain. */
export interface HourActivity {
  userId: string;
  hourStart: Date;
  /** Distinct conversations opened (CONVERSATION_OPEN_ACTIONS). */
  opens: number;
  /** When each bulk export (EXPORT_ACTIONS) happened. */
  exports: Date[];
}

export interface NewAccessAlert {
  id: string;
  kind: AccessAlertKind;
  userId: string;
  windowStart: Date;
  windowEnd: Date;
  observed: number;
  threshold: number;
  baseline: number | null;
  createdAt: Date;
}

export type StoredAccessAlert = Pick<
  AccessAlertEntity,
  | 'id'
  | 'kind'
  | 'user_id'
  | 'window_start'
  | 'window_end'
  | 'observed'
  | 'threshold'
  | 'baseline'
  | 'created_at'
> & { user_role: string | null };

const ALERT_COLUMNS =
  'id, kind, user_id, window_start, window_end, observed, threshold, baseline, created_at';

/**
 * The tables of unusual-access alerts (settings, hourly opens, alerts), and the reads the sweep
 * makes of other owners' tables: the audit chain (`audit_events`, by its `(tenant_id,
 * occurred_at, seq)` index), the practices (the sweep's list) and users (roles, recipients).
 */
@Injectable()
export class AccessAlertsRepository {
  /** Every practice's id (the `access_alert_sweep` policy), for the sweep to visit each. */
  async practiceIds(tx: SweepTx): Promise<string[]> {
    return (await tx.query<{ id: string }>(`SELECT id FROM practices ORDER BY id`)).map((r) => r.id);
  }

  async thresholds(tx: TenantTx): Promise<AccessAlertThresholds | null> {
    const [row] = await tx.query<
      Pick<
        AccessAlertSettingsEntity,
        'opens_factor' | 'minimum_opens_per_hour' | 'exports_outside_business_hours'
      >
    >(
      `SELECT opens_factor, minimum_opens_per_hour, exports_outside_business_hours
       FROM access_alert_settings WHERE tenant_id = $1`,
      [tx.tenantId],
    );
    return row
      ? {
          opensFactor: Number(row.opens_factor),
          minimumOpensPerHour: row.minimum_opens_per_hour,
          exportsOutsideBusinessHours: row.exports_outside_business_hours,
        }
      : null;
  }

  async saveThresholds(tx: TenantTx, thresholds: AccessAlertThresholds, now: Date): Promise<void> {
    await tx.execute(
      `INSERT INTO access_alert_settings (tenant_id, opens_factor, minimum_opens_per_hour, exports_outside_business_hours, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id) DO UPDATE SET opens_factor = EXCLUDED.opens_factor,
         minimum_opens_per_hour = EXCLUDED.minimum_opens_per_hour,
         exports_outside_business_hours = EXCLUDED.exports_outside_business_hours,
         updated_at = EXCLUDED.updated_at`,
      [
        tx.tenantId,
        thresholds.opensFactor,
        thresholds.minimumOpensPerHour,
        thresholds.exportsOutsideBusinessHours,
        now,
      ],
    );
  }

  /**
   * Per staff user and UTC hour of [from, to): the conversations they opened and their exports.
   * One range scan of the practice's events in the span (`audit_events_time`), however long its
   * chain; `test/access-alerts.e2e-spec.ts` refuses a sequential scan.
   */
  async activity(tx: TenantTx, from: Date, to: Date): Promise<HourActivity[]> {
    const rows = await tx.query<{ user_id: string; hour_start: Date; opens: number; exports: Date[] }>(
      ACTIVITY_SQL,
      [tx.tenantId, from, to, CONVERSATION_OPEN_ACTIONS, EXPORT_ACTIONS],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      hourStart: r.hour_start,
      opens: r.opens,
      exports: r.exports,
    }));
  }

  /**
   * Keeps each user's opens per hour for their baseline; a later count of the same hour (the
   * hour went on, or another worker counted it) only raises it.
   */
  async recordHourlyOpens(tx: TenantTx, hours: HourActivity[]): Promise<void> {
    if (hours.length === 0) return;
    const { sql, values } = multiRowValues(hours, (h) => [tx.tenantId, h.userId, h.hourStart, h.opens]);
    await tx.execute(
      `INSERT INTO access_hourly_opens (tenant_id, user_id, hour_start, opens) VALUES ${sql}
       ON CONFLICT (tenant_id, user_id, hour_start)
       DO UPDATE SET opens = GREATEST(access_hourly_opens.opens, EXCLUDED.opens)`,
      values,
    );
  }

  /**
   * Deletes up to `limit` hourly counts of hours that began before `before` (no baseline reads
   * them any more); how many. Keyset on the primary key, rows locked `SKIP LOCKED`, so two
   * sweeps delete each row once.
   */
  purgeHourlyOpens(tx: TenantTx, before: Date, limit: number): Promise<number> {
    return tx.execute(
      `DELETE FROM access_hourly_opens WHERE tenant_id = $1 AND (user_id, hour_start) IN (
         SELECT user_id, hour_start FROM access_hourly_opens WHERE tenant_id = $1 AND hour_start < $2
         ORDER BY user_id, hour_start LIMIT $3 FOR UPDATE SKIP LOCKED)`,
      [tx.tenantId, before, limit],
    );
  }

  /**
   * Each user's baseline before their window: the BASELINE_PERCENTILE of their hourly opens over
   * the BASELINE_DAYS before it (hours they opened something; none: null). A primary-key range
   * per user, at most 24 x BASELINE_DAYS rows each.
   */
  async baselines(
    tx: TenantTx,
    windows: { userId: string; hourStart: Date }[],
  ): Promise<Map<string, number | null>> {
    const baselines = new Map<string, number | null>();
    if (windows.length === 0) return baselines;
    const rows = await tx.query<{ user_id: string; hour_start: Date; baseline: number | null }>(
      BASELINES_SQL,
      [tx.tenantId, windows.map((w) => w.userId), windows.map((w) => w.hourStart)],
    );
    for (const r of rows) baselines.set(baselineKey(r.user_id, r.hour_start), r.baseline);
    return baselines;
  }

  /** The alert, unless one of its user, kind and window exists (another worker, a retry): whether it was new. */
  async insertAlert(tx: TenantTx, alert: NewAccessAlert): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO access_alerts (id, tenant_id, kind, user_id, window_start, window_end, observed, threshold, baseline, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (tenant_id, user_id, kind, window_start) DO NOTHING
       RETURNING id`,
      [
        alert.id,
        tx.tenantId,
        alert.kind,
        alert.userId,
        alert.windowStart,
        alert.windowEnd,
        alert.observed,
        alert.threshold,
        alert.baseline,
        alert.createdAt,
      ],
    );
    return rows.length === 1;
  }

  /** Alerts newest window first, after the keyset `before` (window start, id). */
  list(
    tx: TenantTx,
    limit: number,
    before?: { windowStart: Date; id: string },
  ): Promise<StoredAccessAlert[]> {
    const params: unknown[] = [tx.tenantId, limit];
    let after = '';
    if (before) {
      params.push(before.windowStart, before.id);
      after = 'AND (a.window_start, a.id) < ($3, $4)';
    }
    return tx.query<StoredAccessAlert>(
      `SELECT ${ALERT_COLUMNS.split(', ')
        .map((c) => `a.${c}`)
        .join(', ')}, u.role AS user_role
       FROM access_alerts a LEFT JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.user_id
       WHERE a.tenant_id = $1 ${after}
       ORDER BY a.window_start DESC, a.id DESC LIMIT $2`,
      params,
    );
  }

  /** The roles of these users. */
  async rolesOf(tx: TenantTx, userIds: string[]): Promise<Map<string, string>> {
    const rows = await tx.query<{ id: string; role: string }>(
      `SELECT id, role FROM users WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tx.tenantId, userIds],
    );
    return new Map(rows.map((r) => [r.id, r.role]));
  }

  /** Who is told: the practice's active owners and admins (their sign-in email). */
  async recipients(tx: TenantTx): Promise<{ id: string; email: string }[]> {
    return tx.query<{ id: string; email: string }>(
      `SELECT id, email FROM users WHERE tenant_id = $1 AND active AND role IN ('owner', 'admin') ORDER BY id`,
      [tx.tenantId],
    );
  }
}

export function baselineKey(userId: string, hourStart: Date): string {
  return `${userId}|${hourStart.getTime()}`;
}

/**
 * A user's activity per UTC hour (date_bin from the epoch: hours whatever the session's zone).
 * `target_id` of an open is the conversation's id. Denied reads are recorded under other actions.
 */
export const ACTIVITY_SQL = `
  SELECT actor_id AS user_id,
         date_bin('1 hour', occurred_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS hour_start,
         (count(DISTINCT target_id) FILTER (WHERE action = ANY($4::text[])))::int AS opens,
         coalesce(array_agg(occurred_at ORDER BY occurred_at) FILTER (WHERE action = ANY($5::text[])), '{}') AS exports
  FROM audit_events
  WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3
    AND actor_type = 'user' AND outcome = 'success'
    AND (action = ANY($4::text[]) OR action = ANY($5::text[]))
  GROUP BY 1, 2`;

/** Per (user, window start) of the arrays $2 and $3: the user's baseline over the days before the window. */
export const BASELINES_SQL = `
  SELECT w.user_id, w.hour_start, b.baseline
  FROM unnest($2::uuid[], $3::timestamptz[]) AS w(user_id, hour_start)
  CROSS JOIN LATERAL (
    SELECT percentile_cont(${BASELINE_PERCENTILE}) WITHIN GROUP (ORDER BY h.opens) AS baseline
    FROM access_hourly_opens h
    WHERE h.tenant_id = $1 AND h.user_id = w.user_id
      AND h.hour_start >= w.hour_start - make_interval(days => ${BASELINE_DAYS}) AND h.hour_start < w.hour_start
  ) b`;
