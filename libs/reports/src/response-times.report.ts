import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { AutomationError, AutomationErrorCode, businessHoursOf, TeamRepository } from '@app/automation';
import type { InboxChannel } from '@app/conversations';
import { TenantDb } from '@app/database';
import { practiceSettingsFor } from '@app/identity';
import type { responseTimesSchema } from './http/report-schemas.js';
import { ReportsRepository } from './reports.repository.js';

/** Seconds to the millisecond (timestamps carry microseconds). */
const seconds = (value: number | undefined): number | null =>
  value === undefined || value === null ? null : Math.round(value * 1000) / 1000;
const figures = (pair: [number, number] | null) => ({ median: seconds(pair?.[0]), p90: seconds(pair?.[1]) });

export type ResponseTimesView = z.output<typeof responseTimesSchema>;

/**
 * First-response times for a period (practice-wide, optionally one channel or one team): the practice's
 * business hours and SLA, then the figures, computed in SQL and sent with COMMIT (two round trips).
 */
@Injectable()
export class ResponseTimesReport {
  constructor(
    private readonly db: TenantDb,
    private readonly reports: ReportsRepository,
    private readonly teams: TeamRepository,
  ) {}

  execute(q: { from: Date; to: Date; channel?: InboxChannel; teamId?: string }): Promise<ResponseTimesView> {
    return this.db.transaction(async (tx) => {
      if (q.teamId && !(await this.teams.get(tx, q.teamId)))
        throw new AutomationError(AutomationErrorCode.TeamNotFound, 'Team not found');
      const { settings } = await practiceSettingsFor(tx, ['timeZone', 'businessHours', 'slaMinutes']);
      const schedule = businessHoursOf(settings);
      const row = await this.reports.responseTimesAndCommit(tx, { ...q, schedule });
      return {
        from: q.from.toISOString(),
        to: q.to.toISOString(),
        channel: q.channel ?? null,
        teamId: q.teamId ?? null,
        count: row.count,
        answered: row.answered,
        unanswered: row.count - row.answered,
        firstResponse: figures(row.wall),
        firstResponseBusinessHours: schedule ? figures(row.open) : null,
        sla: { minutes: settings.slaMinutes, waiting: row.waiting, overSla: row.over_sla },
      };
    });
  }
}
