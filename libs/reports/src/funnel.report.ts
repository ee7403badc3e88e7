import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { LEAD_STAGES } from '@app/conversations';
import { TenantDb } from '@app/database';
import { FUNNEL_SOURCES, type funnelSchema } from './http/report-schemas.js';
import type { FunnelRow } from './report-queries.js';
import { ReportsRepository } from './reports.repository.js';

export type FunnelView = z.output<typeof funnelSchema>;
type Stage = (typeof LEAD_STAGES)[number] | 'none';
type Stages = Record<Stage, number>;

const noStages = (): Stages => ({ new: 0, contacted: 0, scheduled: 0, patient: 0, lost: 0, none: 0 });
const isStage = (s: string): s is Stage => s === 'none' || (LEAD_STAGES as readonly string[]).includes(s);

/**
 * The lead-stage funnel of the contacts created in a period, per source channel and per web
 * form, with the secure-message open rate of the period: one round trip (BEGIN, both reads, COMMIT).
 */
@Injectable()
export class FunnelReport {
  constructor(
    private readonly db: TenantDb,
    private readonly reports: ReportsRepository,
  ) {}

  execute(q: { from: Date; to: Date }): Promise<FunnelView> {
    return this.db.transaction(async (tx) => {
      const { funnel, secure } = await this.reports.funnelAndCommit(tx, q);
      return {
        from: q.from.toISOString(),
        to: q.to.toISOString(),
        ...funnelOf(funnel),
        secureMessages: {
          sent: secure.sent,
          read: secure.read,
          openRate: secure.sent > 0 ? Math.round((secure.read / secure.sent) * 10_000) / 10_000 : null,
        },
      };
    });
  }
}

/** The grouped rows as totals per stage, per source (in FUNNEL_SOURCES order) and per form (by name). */
export function funnelOf(rows: FunnelRow[]): Omit<FunnelView, 'from' | 'to' | 'secureMessages'> {
  const stages = noStages();
  const sources = new Map<string, Stages>();
  const forms = new Map<string, { name: string | null; stages: Stages }>();
  for (const row of rows) {
    if (!isStage(row.stage)) continue;
    stages[row.stage] += row.n;
    const source = sources.get(row.source) ?? noStages();
    source[row.stage] += row.n;
    sources.set(row.source, source);
    if (row.source === 'webform' && row.channel_id) {
      const form = forms.get(row.channel_id) ?? { name: row.channel_name, stages: noStages() };
      form.stages[row.stage] += row.n;
      forms.set(row.channel_id, form);
    }
  }
  const total = (s: Stages) => Object.values(s).reduce((a, b) => a + b, 0);
  return {
    total: total(stages),
    stages,
    bySource: FUNNEL_SOURCES.filter((s) => sources.has(s)).map((source) => ({
      source,
      total: total(sources.get(source)!),
      stages: sources.get(source)!,
    })),
    byForm: [...forms.entries()]
      .map(([channelId, form]) => ({
        channelId,
        name: form.name,
        total: total(form.stages),
        stages: form.stages,
      }))
      .toSorted(
        (a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.channelId.localeCompare(b.channelId),
      ),
  };
}
