import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { KeyRingService, type OwnerConnection, assertSeesAllTenants } from '@app/crypto';
import { PreparedSql, type Statement, type SweepTx, type TenantTx } from '@app/database';
import type { InboundSmsPayload } from './twilio-payloads.js';

/** Failed processing runs after which a row no longer holds up its practice's later texts. */
export const MAX_PROCESSING_ATTEMPTS = 8;
const PAYLOAD = 'sms_inbound.payload';

const INSERT_ARRIVED = new PreparedSql(
  `WITH arrived AS MATERIALIZED (
     SELECT nextval('sms_inbound_seq_seq') AS seq, a.*
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::bytea[]) AS a (id, channel_id, message_sid, payload))
   INSERT INTO sms_inbound (seq, id, tenant_id, channel_id, message_sid, payload)
   SELECT seq, id, $1, channel_id, message_sid, payload FROM arrived
   ORDER BY channel_id, message_sid COLLATE "C"
   ON CONFLICT (channel_id, message_sid) DO NOTHING`,
);

/** An acknowledged text waiting for the worker, as stored (payload encrypted). */
export interface PendingRow {
  id: string;
  channelId: string;
  payload: Buffer;
}

/** One text of a webhook batch, with the id its row gets. */
export interface ArrivedText {
  id: string;
  channelId: string;
  sms: InboundSmsPayload;
}

/**
 * sms_inbound: texts acknowledged to Twilio and not yet turned into messages (the payload
 * encrypted as `sms_inbound.payload`). The parked-text functions below run as the schema owner
 * for the ops CLI.
 */
@Injectable()
export class SmsInboundRepository {
  constructor(private readonly keys: KeyRingService) {}

  /**
   * The INSERT of one practice's texts of a webhook batch, for a write of several practices in
   * one transaction (`TenantDb.writeForTenants`, the practice's tenant set ahead of it). A
   * MessageSid stored before is skipped.
   *
   * seq is drawn in receipt order, but the rows go in sorted by (channel, MessageSid), and the
   * caller orders the practices by id: two api instances holding the same MessageSids (Twilio
   * retrying a webhook at another instance) then wait on each other's rows in one order, never
   * in a cycle (a deadlock, which would fail both batches' webhooks).
   */
  async insertStatement(tenantId: string, batch: ArrivedText[]): Promise<Statement> {
    const cipher = await this.keys.cipherFor(tenantId);
    // Columns as arrays (unnest): planned in constant time, where a VALUES list of hundreds of
    // rows costs a millisecond of planning per batch. seq is drawn as unnest reads them
    // (receipt order), and the sort reads every row before the first is inserted. DO NOTHING
    // also settles duplicates inside one batch: the later row meets the earlier one.
    return [
      INSERT_ARRIVED,
      [
        tenantId,
        batch.map((a) => a.id),
        batch.map((a) => a.channelId),
        batch.map((a) => a.sms.messageSid),
        batch.map((a) => cipher.encrypt(PAYLOAD, JSON.stringify(a.sms))),
      ],
    ];
  }

  /**
   * The practice's oldest pending text, under a practice-wide lock held until `tx` ends, so
   * texts are processed one at a time in receipt order (seq) however many jobs run.
   */
  async lockNextPending(tx: TenantTx): Promise<PendingRow | null> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sms_inbound:${tx.tenantId}`]);
    const [row] = await tx.query<{ id: string; channel_id: string; payload: Buffer }>(
      `SELECT id, channel_id, payload FROM sms_inbound WHERE tenant_id = $1 AND attempts < $2
       ORDER BY seq LIMIT 1`,
      [tx.tenantId, MAX_PROCESSING_ATTEMPTS],
    );
    return row ? { id: row.id, channelId: row.channel_id, payload: row.payload } : null;
  }

  /** The text as the webhook received it. */
  async openPayload(tx: TenantTx, row: PendingRow): Promise<InboundSmsPayload> {
    const cipher = await this.keys.forTenant(tx);
    return JSON.parse((await cipher.decrypt(PAYLOAD, row.payload)).toString('utf8')) as InboundSmsPayload;
  }

  async remove(tx: TenantTx, id: string): Promise<void> {
    await tx.execute(`DELETE FROM sms_inbound WHERE id = $1`, [id]);
  }

  /** One more failed processing run. */
  async countFailedAttempt(tx: TenantTx, id: string): Promise<number> {
    return tx.execute(`UPDATE sms_inbound SET attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  /**
   * Practices with a processable text older than `afterSeconds` (tenant ids only: the routed
   * policy of sms_inbound lets the relay's sweep look across practices).
   */
  practicesWaitingSince(tx: SweepTx, afterSeconds: number): Promise<Array<{ tenant_id: string }>> {
    return tx.query<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM sms_inbound
         WHERE received_at <= now() - make_interval(secs => $1) AND attempts < $2`,
      [afterSeconds, MAX_PROCESSING_ATTEMPTS],
    );
  }
}

/**
 * Parked texts: acknowledged inbound texts whose processing failed MAX_PROCESSING_ATTEMPTS
 * times, left aside so the practice's later texts go through. Nothing retries them by itself;
 * an operator, once the cause is fixed, releases them for processing again (`npm run ops --
 * requeue-texts`). Ids and counts only: the payloads are PHI. Runs as the schema owner (it
 * looks across practices).
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
