// Hand-written SQL: the report queries are tuned against their EXPLAIN plans (measured:
// `npm run bench reports`, docs/operations.md; test/reports-explain.e2e-spec.ts builds the same
// statements and refuses sequential scans).

/** A report's period, [from, to). */
export interface ReportRange {
  from: Date;
  to: Date;
}

/**
 * The open intervals of `schedule` over [lo, hi) as three sorted arrays (starts, ends, open
 * seconds before each), computed once per statement: each instant then costs a binary search
 * (business_cumulative_seconds), and C(b) - C(a) is the open time between two instants of the span.
 */
function intervalArraysSql(schedule: string, lo: string, hi: string): string {
  return `SELECT coalesce(array_agg(opens ORDER BY opens), '{}') AS s,
                 coalesce(array_agg(closes ORDER BY opens), '{}') AS e,
                 coalesce(array_agg(cum ORDER BY opens), '{}') AS k
          FROM (SELECT opens, closes,
                       coalesce(sum(extract(epoch FROM closes - opens)) OVER (
                         ORDER BY opens ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::float8 AS cum
                FROM business_open_intervals(${schedule}::jsonb, ${lo}, ${hi})) x`;
}

export interface ResponseTimesRow {
  count: number;
  answered: number;
  /** [median, p90] of the wall-clock seconds to the first reply; null when nothing was answered. */
  wall: [number, number] | null;
  /** The same in open seconds (business hours); null without a schedule or answers. */
  open: [number, number] | null;
  waiting: number;
  over_sla: number;
}

/**
 * First-response times of the conversations whose first patient message falls in the range
 * (optionally on one channel, in one team): a range scan of conversations_first_inbound (index-only: the
 * facts are its INCLUDE columns), read once. Median and p90 (percentile_cont, one sort each) in
 * wall-clock seconds and, when `schedule` is given, in open seconds (the schedule's intervals
 * from the first answered message to the last reply, computed once). Also the conversations
 * waiting now (open, within the SLA) and those marked over it (conversations_waiting,
 * conversations_over_sla).
 */
export function responseTimesQuery(
  tenantId: string,
  range: ReportRange & { channel?: string; teamId?: string; schedule: object | null },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [tenantId, range.from, range.to];
  const p = (value: unknown) => `$${params.push(value)}`;
  const channel = range.channel ? `AND first_inbound_channel = ${p(range.channel)}` : '';
  const team = range.teamId ? `AND team_id = ${p(range.teamId)}` : '';
  const iv = range.schedule
    ? `, iv AS (${intervalArraysSql(
        p(JSON.stringify(range.schedule)),
        '(SELECT min(a) FROM conv WHERE b IS NOT NULL)',
        '(SELECT max(b) FROM conv)',
      )})`
    : '';
  const open = range.schedule
    ? `percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY business_cumulative_seconds(iv.s, iv.e, iv.k, b)
         - business_cumulative_seconds(iv.s, iv.e, iv.k, a)) FILTER (WHERE b IS NOT NULL)`
    : 'NULL::float8[]';
  const sql = `
    WITH conv AS MATERIALIZED (
      SELECT first_inbound_at AS a, first_response_at AS b FROM conversations
      WHERE tenant_id = $1 AND first_inbound_at >= $2 AND first_inbound_at < $3 ${channel} ${team})${iv}
    SELECT count(*)::int AS count, count(b)::int AS answered,
           percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM b - a)::float8)
             FILTER (WHERE b IS NOT NULL) AS wall,
           ${open} AS open,
           (SELECT count(*) FROM conversations WHERE tenant_id = $1 AND status = 'open'
              AND waiting_since IS NOT NULL AND sla_breached_at IS NULL)::int AS waiting,
           (SELECT count(*) FROM conversations WHERE tenant_id = $1 AND sla_breached_at IS NOT NULL)::int AS over_sla
    FROM conv${range.schedule ? ', iv' : ''}`;
  return { sql, params };
}

export interface FunnelRow {
  source: string;
  channel_id: string | null;
  /** The web form's name (channels' row), for web form sources only. */
  channel_name: string | null;
  stage: string;
  n: number;
}

/**
 * Contacts created in the range (merged-away ones not counted) per source channel, source
 * channel row and lead stage: an index-only range scan of contacts_created, grouped; then each
 * web form's name by key (a lookup per group, not a join: channels is every practice's).
 */
export function funnelQuery(tenantId: string, range: ReportRange): { sql: string; params: unknown[] } {
  return {
    sql: `
      SELECT f.source, f.channel_id, f.stage, f.n,
             CASE WHEN f.source = 'webform' AND f.channel_id IS NOT NULL
                  THEN (SELECT ch.name FROM channels ch WHERE ch.tenant_id = $1 AND ch.id = f.channel_id) END
               AS channel_name
      FROM (SELECT coalesce(source_channel, 'unknown') AS source, source_channel_id AS channel_id,
                   coalesce(lead_stage, 'none') AS stage, count(*)::int AS n
            FROM contacts
            WHERE tenant_id = $1 AND merged_into IS NULL AND created_at >= $2 AND created_at < $3
            GROUP BY 1, 2, 3) f
      ORDER BY f.source, f.channel_id, f.stage`,
    params: [tenantId, range.from, range.to],
  };
}

export interface SecureOpenRow {
  sent: number;
  read: number;
}

/** Secure messages sent in the range and how many were read: messages_secure_sent, index-only. */
export function secureOpenRateQuery(
  tenantId: string,
  range: ReportRange,
): { sql: string; params: unknown[] } {
  return {
    sql: `
      SELECT count(*)::int AS sent, count(*) FILTER (WHERE status = 'read')::int AS read
      FROM messages
      WHERE tenant_id = $1 AND delivery_route = 'secure_link' AND direction = 'outbound'
        AND created_at >= $2 AND created_at < $3`,
    params: [tenantId, range.from, range.to],
  };
}
