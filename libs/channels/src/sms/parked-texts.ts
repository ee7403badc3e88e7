import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { type OwnerConnection, assertSeesAllTenants } from '@app/crypto';
import { MAX_PROCESSING_ATTEMPTS } from './pending-sms.store.js';

/**
 * Parked texts: acknowledged inbound texts (sms_inbound) whose processing failed
 * MAX_PROCESSING_ATTEMPTS times, left aside so the practice's later texts go through. Nothing
 * retries them by itself; an operator, once the cause is fixed, releases them for processing
 * again (`npm run ops -- requeue-texts`). Ids and counts only: the payloads are PHI.
 * Runs as the schema owner (it looks across practices).
 */
export interface ParkedTexts {
  tenantId: string;
  count: number;
  oldestReceivedAt: Date;
}

async function select<T>(conn: OwnerConnection, sql: string, params: unknown[]): Promise<T[]> {
  if (conn instanceof DataSource) return conn.query(sql, params);
  return (await (conn as Pool).query(sql, params)).rows as T[];
}

/** Practices with parked texts, most first. */
export async function listParkedTexts(conn: OwnerConnection): Promise<ParkedTexts[]> {
  await assertSeesAllTenants(conn);
  const rows = await select<{ tenant_id: string; count: number; oldest: Date }>(
    conn,
    `SELECT tenant_id, count(*)::int AS count, min(received_at) AS oldest FROM sms_inbound
     WHERE attempts >= $1 GROUP BY tenant_id ORDER BY count(*) DESC, tenant_id`,
    [MAX_PROCESSING_ATTEMPTS],
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, count: r.count, oldestReceivedAt: r.oldest }));
}

/**
 * Gives the parked texts of one practice (or of all: null) a fresh set of processing attempts;
 * the practices whose texts were released, with how many. Their processing must then be
 * enqueued (the worker's relay does it too, within INBOUND_RELAY_INTERVAL_MS).
 */
export async function releaseParkedTexts(
  conn: OwnerConnection,
  tenantId: string | null,
): Promise<Array<{ tenantId: string; count: number }>> {
  await assertSeesAllTenants(conn);
  const rows = await select<{ tenant_id: string; count: number }>(
    conn,
    `WITH released AS (
       UPDATE sms_inbound SET attempts = 0
       WHERE attempts >= $1 AND ($2::uuid IS NULL OR tenant_id = $2::uuid)
       RETURNING tenant_id)
     SELECT tenant_id, count(*)::int AS count FROM released GROUP BY tenant_id ORDER BY tenant_id`,
    [MAX_PROCESSING_ATTEMPTS, tenantId],
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, count: r.count }));
}
