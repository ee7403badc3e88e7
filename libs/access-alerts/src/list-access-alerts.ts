import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import { AccessAlertsRepository } from './access-alerts.repository.js';
import { type AlertPage, encodeAlertCursor, type ListAlertsQuery } from './http/access-alert-schemas.js';

/** `GET /v1/access-alerts`: the practice's alerts, newest window first; reading them is audited. */
@Injectable()
export class ListAccessAlerts {
  constructor(
    private readonly db: TenantDb,
    private readonly repository: AccessAlertsRepository,
    private readonly audit: AuditService,
  ) {}

  execute(query: ListAlertsQuery): Promise<AlertPage> {
    return this.db.transaction(async (tx) => {
      this.audit.record(tx, { action: 'access_alert.listed', metadata: { limit: query.limit } });
      const rows = await this.repository.list(tx, query.limit, query.cursor);
      const last = rows.at(-1);
      return {
        data: rows.map((r) => ({
          id: r.id,
          kind: r.kind as AlertPage['data'][number]['kind'],
          userId: r.user_id,
          userRole: r.user_role,
          windowStart: r.window_start.toISOString(),
          windowEnd: r.window_end.toISOString(),
          observed: r.observed,
          threshold: Number(r.threshold),
          baseline: r.baseline === null ? null : Number(r.baseline),
          createdAt: r.created_at.toISOString(),
        })),
        nextCursor:
          rows.length === query.limit && last ? encodeAlertCursor(last.window_start, last.id) : null,
      };
    });
  }
}
