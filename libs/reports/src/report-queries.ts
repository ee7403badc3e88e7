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

const seconds = (expr: string) => `round((${expr})::numeric, 3)::float8`;

export interface ResponseTimesRow {
  count: number;
  answered: number;
  median: number | null;
  p90: number | null;
  bh_median: number | null;
  bh_p90: number | null;
  waiting: number;
  over_sla: number;
}

/**
 * First-response times of the conversations whose first patient message falls in the range
 * (optionally on one channel): a range scan of conversations_first_inbound (index-only: the
 * facts are its INCLUDE columns). Median and p90 (percentile_cont) in wall-clock seconds and, when
 * `schedule` is given, in business-hours seconds. Also the conversations waiting now (open,
 * within the SLA) and those marked over it (conversations_waiting, conversations_over_sla).
 */
export function responseTimesQuery(
  tenantId: string,
  range: ReportRange & { channel?: string; schedule: object | null },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [tenantId, range.from, range.to];
  const p = (value: unknown) => `$${params.push(value)}`;
  const channel = range.channel ? `AND first_inbound_channel = ${p(range.channel)}` : '';
  const business = range.schedule
    ? `, iv AS (${intervalArraysSql(p(JSON.stringify(range.schedule)), '(SELECT min(a) FROM answered)', '(SELECT max(b) FROM answered)')}),
       bh AS (SELECT business_cumulative_seconds(iv.s, iv.e, iv.k, b)
                     - business_cumulative_seconds(iv.s, iv.e, iv.k, a) AS open FROM answered, iv)`
    : '';
  const bh = range.schedule
    ? `(SELECT ${seconds('percentile_cont(0.5) WITHIN GROUP (ORDER BY open)')} FROM bh) AS bh_median,
       (SELECT ${seconds('percentile_cont(0.9) WITHIN GROUP (ORDER BY open)')} FROM bh) AS bh_p90`
    : 'NULL::float8 AS bh_median, NULL::float8 AS bh_p90';
  const sql = `
    WITH conv AS MATERIALIZED (
      SELECT first_inbound_at AS a, first_response_at AS b FROM conversations
      WHERE tenant_id = $1 AND first_inbound_at >= $2 AND first_inbound_at < $3 ${channel}),
    answered AS MATERIALIZED (SELECT a, b FROM conv WHERE b IS NOT NULL)${business}
    SELECT (SELECT count(*) FROM conv)::int AS count, (SELECT count(*) FROM answered)::int AS answered,
           (SELECT ${seconds('percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM b - a)::float8)')} FROM answered) AS median,
           (SELECT ${seconds('percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM b - a)::float8)')} FROM answered) AS p90,
           ${bh},
           (SELECT count(*) FROM conversations WHERE tenant_id = $1 AND status = 'open'
              AND waiting_since IS NOT NULL AND sla_breached_at IS NULL)::int AS waiting,
           (SELECT count(*) FROM conversations WHERE tenant_id = $1 AND sla_breached_at IS NOT NULL)::int AS over_sla`;
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
