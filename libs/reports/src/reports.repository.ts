// Hand-written SQL (report-queries.ts), measured by `npm run bench reports`.
import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import {
  type FunnelRow,
  funnelQuery,
  type ReportRange,
  type ResponseTimesRow,
  responseTimesQuery,
  type SecureOpenRow,
  secureOpenRateQuery,
} from './report-queries.js';

/** The reports' reads (no writes): conversations, contacts, messages and web form names. */
@Injectable()
export class ReportsRepository {
  /** The response-time figures, sent with COMMIT (the transaction's last statement). */
  async responseTimesAndCommit(
    tx: TenantTx,
    range: ReportRange & { channel?: string; teamId?: string; schedule: object | null },
  ): Promise<ResponseTimesRow> {
    const { sql, params } = responseTimesQuery(tx.tenantId, range);
    const [row] = await tx.queryAndCommit<ResponseTimesRow>(sql, params);
    return row!;
  }

  /** The funnel's rows and the secure-message figures: one round trip with BEGIN and COMMIT. */
  async funnelAndCommit(
    tx: TenantTx,
    range: ReportRange,
  ): Promise<{ funnel: FunnelRow[]; secure: SecureOpenRow }> {
    const funnel = funnelQuery(tx.tenantId, range);
    const secure = secureOpenRateQuery(tx.tenantId, range);
    const [funnelRows, secureRows] = await tx.queryEachAndCommit([
      [funnel.sql, funnel.params],
      [secure.sql, secure.params],
    ]);
    return { funnel: funnelRows as FunnelRow[], secure: (secureRows as SecureOpenRow[])[0]! };
  }
}
