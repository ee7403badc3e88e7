import { Injectable } from '@nestjs/common';
import { PreparedSql, type TenantTx } from '@app/database';

/**
 * A sighting's claims (migration 1767400000000: `sendgrid_events` is partitioned by month of
 * received_at, and each partition has its own UNIQUE (tenant_id, sg_event_id)): one at the
 * sighting's time, and, in the first 7 days of a month, one at the previous month's last
 * microsecond, in that month's partition. ON CONFLICT DO NOTHING skips a claim whose partition
 * has the id already, waiting first for a concurrent sighting that has not committed. The id was
 * seen before unless every claim was inserted. A retry comes within 72 hours, so the first
 * sighting is in this month's partition or in the previous one, which the second claim reaches.
 * `$4` is the sighting's time (null: the transaction's; tests pass one).
 */
export const RECORD_SIGHTING = new PreparedSql(
  `WITH at AS (SELECT coalesce($4::timestamptz, now()) AS t),
   month AS (SELECT t, date_trunc('month', t AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS starts FROM at),
   claims AS (
     SELECT t AS received_at FROM month
     UNION ALL
     SELECT starts - interval '1 microsecond' FROM month WHERE t - interval '7 days' < starts),
   claimed AS (
     INSERT INTO sendgrid_events (tenant_id, sg_event_id, channel_id, received_at)
     SELECT $1, $2, $3, received_at FROM claims
     ON CONFLICT DO NOTHING
     RETURNING 1)
   SELECT (SELECT count(*) FROM claimed) = (SELECT count(*) FROM claims) AS first`,
);

/** sendgrid_events: the Event Webhook event ids already applied (each applies once). */
@Injectable()
export class SendGridEventRepository {
  /** Records the event id; false when it was recorded before (a redelivered event). */
  async recordFirstSighting(
    tx: TenantTx,
    channelId: string,
    sgEventId: string,
    at: Date | null = null,
  ): Promise<boolean> {
    const [row] = await tx.query<{ first: boolean }>(RECORD_SIGHTING, [
      tx.tenantId,
      sgEventId,
      channelId,
      at,
    ]);
    return row!.first;
  }
}
