// Hand-written SQL, not the entity's repository (TenantTx.repository): the relay claims due rows
// across practices (FOR UPDATE SKIP LOCKED), an attempt and its delivery's next state are one
// round trip, and the log is a keyset page with each delivery's attempts aggregated.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SweepTx, TenantTx } from '@app/database';
import type { AttemptOutcome } from './webhook-poster.js';
import type { WebhookDeliveryEntity } from './webhook.entities.js';

/** A delivery the relay claimed: its lease pushed forward, its job to be (re)added. */
export interface ClaimedDelivery {
  tenant_id: string;
  id: string;
}

/** What an attempt needs: the event, its state, and its endpoint (url, secret, enabled). */
export interface DeliveryWork {
  id: string;
  endpointId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  windowStartedAt: Date;
  url: string;
  secretEnc: Buffer;
  endpointEnabled: boolean;
}

export interface DeliveryAttemptView {
  attemptedAt: string;
  statusCode: number | null;
  durationMs: number;
  errorClass: string | null;
  succeeded: boolean;
}

/** One line of an endpoint's delivery log. */
export interface DeliveryLogEntry {
  id: string;
  seq: number;
  type: string;
  occurredAt: Date;
  state: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttemptView[];
  finishedAt: Date | null;
}

/** What follows an attempt: delivered, failed for good, or another try after `retryAt`. */
export type DeliveryNext = { state: 'delivered' | 'failed' } | { state: 'pending'; relayAt: Date };

/**
 * The retention sweep's batch of finished deliveries (params: $1 tenant, $2 finished before, $3
 * limit), locked, keyset by id: it reads the practice's rows only (`(tenant_id, id)`), never the
 * whole table; `test/retention.e2e-spec.ts` checks the plan.
 */
export const FINISHED_DELIVERIES_SQL = `SELECT id FROM webhook_deliveries
  WHERE tenant_id = $1 AND state IN ('delivered', 'failed') AND finished_at < $2
  ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`;

/** webhook_deliveries and webhook_delivery_attempts (webhooks-out's tables). */
@Injectable()
export class WebhookDeliveryRepository {
  /**
   * Up to `batch` due deliveries across practices, claimed: read through the relay's route
   * (ids only, SELECT only), then each practice's rows locked as that practice (skipping those
   * another relay or an attempt holds) and their lease pushed forward, so they are enqueued once
   * per lease.
   */
  async claimDueAcrossPractices(
    tx: SweepTx,
    batch: number,
    leaseSeconds: number,
  ): Promise<ClaimedDelivery[]> {
    const due = await tx.query<ClaimedDelivery>(
      `SELECT tenant_id, id FROM webhook_deliveries WHERE state = 'pending' AND relay_at <= now()
       ORDER BY relay_at LIMIT $1`,
      [batch],
    );
    const claimed: ClaimedDelivery[] = [];
    for (const tenantId of new Set(due.map((r) => r.tenant_id))) {
      await tx.actAsTenant(tenantId);
      claimed.push(
        ...(await tx.query<ClaimedDelivery>(
          `UPDATE webhook_deliveries SET relay_at = now() + make_interval(secs => $3)
           WHERE tenant_id = $1 AND id IN (
             SELECT id FROM webhook_deliveries
             WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND state = 'pending' AND relay_at <= now()
             FOR UPDATE SKIP LOCKED)
           RETURNING tenant_id, id`,
          [tenantId, due.filter((r) => r.tenant_id === tenantId).map((r) => r.id), leaseSeconds],
        )),
      );
    }
    return claimed;
  }

  /**
   * The delivery with its endpoint, its lease pushed `leaseSeconds` ahead (the attempt about to
   * run holds it: the relay does not enqueue it again meanwhile); null when gone.
   */
  async startAttempt(tx: TenantTx, id: string, leaseSeconds: number): Promise<DeliveryWork | null> {
    const [row] = await tx.query<
      Pick<
        WebhookDeliveryEntity,
        | 'id'
        | 'endpoint_id'
        | 'event_type'
        | 'data'
        | 'occurred_at'
        | 'state'
        | 'attempts'
        | 'window_started_at'
      > & {
        url: string;
        secret_enc: Buffer;
        enabled: boolean;
      }
    >(
      `WITH leased AS (
         UPDATE webhook_deliveries SET relay_at = greatest(relay_at, now() + make_interval(secs => $3))
         WHERE tenant_id = $1 AND id = $2 AND state = 'pending'
         RETURNING id)
       SELECT d.id, d.endpoint_id, d.event_type, d.data, d.occurred_at, d.state, d.attempts,
              d.window_started_at, e.url, e.secret_enc, e.enabled
       FROM webhook_deliveries d
       JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
       WHERE d.tenant_id = $1 AND d.id = $2`,
      [tx.tenantId, id, leaseSeconds],
    );
    if (!row) return null;
    return {
      id: row.id,
      endpointId: row.endpoint_id,
      type: row.event_type,
      data: row.data,
      occurredAt: row.occurred_at,
      state: row.state as DeliveryWork['state'],
      attempts: row.attempts,
      windowStartedAt: row.window_started_at,
      url: row.url,
      secretEnc: row.secret_enc,
      endpointEnabled: row.enabled,
    };
  }

  /** Logs one attempt (null: none was made, e.g. the endpoint was disabled) and moves the delivery on. */
  async finishAttempt(
    tx: TenantTx,
    id: string,
    outcome: AttemptOutcome | null,
    next: DeliveryNext,
  ): Promise<void> {
    if (outcome)
      await tx.execute(
        `INSERT INTO webhook_delivery_attempts (id, tenant_id, delivery_id, status_code, duration_ms, error_class, succeeded)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          randomUUID(),
          tx.tenantId,
          id,
          outcome.statusCode,
          outcome.durationMs,
          outcome.errorClass,
          outcome.delivered,
        ],
      );
    await tx.execute(
      `UPDATE webhook_deliveries SET
         attempts = attempts + $3, state = $4,
         relay_at = coalesce($5, relay_at),
         finished_at = CASE WHEN $4 = 'pending' THEN NULL ELSE now() END
       WHERE tenant_id = $1 AND id = $2 AND state = 'pending'`,
      [tx.tenantId, id, outcome ? 1 : 0, next.state, next.state === 'pending' ? next.relayAt : null],
    );
  }

  /**
   * A delivered or failed delivery of the endpoint back to pending, with a new retry window;
   * its lease `leaseSeconds` ahead (the caller enqueues the job). Returns its state before, or
   * null when the endpoint has no such delivery.
   */
  async replay(
    tx: TenantTx,
    endpointId: string,
    id: string,
    leaseSeconds: number,
  ): Promise<'replayed' | 'pending' | null> {
    const [row] = await tx.query<{ state: string }>(
      `SELECT state FROM webhook_deliveries WHERE tenant_id = $1 AND endpoint_id = $2 AND id = $3 FOR UPDATE`,
      [tx.tenantId, endpointId, id],
    );
    if (!row) return null;
    if (row.state === 'pending') return 'pending';
    await tx.execute(
      `UPDATE webhook_deliveries SET state = 'pending', finished_at = NULL,
         window_started_at = now(), relay_at = now() + make_interval(secs => $3)
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id, leaseSeconds],
    );
    return 'replayed';
  }

  /**
   * Deletes up to `limit` deliveries that finished (delivered or failed) before `finishedBefore`,
   * with their attempts; never a pending one (still retrying, or replayed). The rows are locked
   * `SKIP LOCKED`, so a replay or a second sweep holding one is passed over and each row goes
   * once; a replay waiting on a locked row then finds it gone (404).
   */
  async purgeFinished(
    tx: TenantTx,
    finishedBefore: Date,
    limit: number,
  ): Promise<{ webhookDeliveries: number; webhookDeliveryAttempts: number }> {
    const finished = await tx.query<{ id: string }>(FINISHED_DELIVERIES_SQL, [
      tx.tenantId,
      finishedBefore,
      limit,
    ]);
    const ids = finished.map((row) => row.id);
    if (ids.length === 0) return { webhookDeliveries: 0, webhookDeliveryAttempts: 0 };
    const webhookDeliveryAttempts = await tx.execute(
      `DELETE FROM webhook_delivery_attempts WHERE tenant_id = $1 AND delivery_id = ANY($2::uuid[])`,
      [tx.tenantId, ids],
    );
    const webhookDeliveries = await tx.execute(
      `DELETE FROM webhook_deliveries WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tx.tenantId, ids],
    );
    return { webhookDeliveries, webhookDeliveryAttempts };
  }

  /** A page of the endpoint's log, newest first, keyset on seq; each delivery with its attempts, oldest first. */
  async page(
    tx: TenantTx,
    endpointId: string,
    { beforeSeq, limit }: { beforeSeq?: number; limit: number },
  ): Promise<DeliveryLogEntry[]> {
    const rows = await tx.query<{
      id: string;
      seq: string;
      event_type: string;
      occurred_at: Date;
      state: DeliveryLogEntry['state'];
      finished_at: Date | null;
      attempts: DeliveryAttemptView[];
    }>(
      `SELECT d.id, d.seq, d.event_type, d.occurred_at, d.state, d.finished_at,
              coalesce(a.attempts, '[]'::json) AS attempts
       FROM webhook_deliveries d
       LEFT JOIN LATERAL (
         SELECT json_agg(json_build_object(
                  'attemptedAt', to_char(t.attempted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'statusCode', t.status_code, 'durationMs', t.duration_ms,
                  'errorClass', t.error_class, 'succeeded', t.succeeded)
                ORDER BY t.attempted_at, t.id) AS attempts
         FROM webhook_delivery_attempts t WHERE t.tenant_id = d.tenant_id AND t.delivery_id = d.id) a ON true
       WHERE d.tenant_id = $1 AND d.endpoint_id = $2 AND ($3::bigint IS NULL OR d.seq < $3)
       ORDER BY d.seq DESC LIMIT $4`,
      [tx.tenantId, endpointId, beforeSeq ?? null, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      type: r.event_type,
      occurredAt: r.occurred_at,
      state: r.state,
      attempts: r.attempts,
      finishedAt: r.finished_at,
    }));
  }
}
