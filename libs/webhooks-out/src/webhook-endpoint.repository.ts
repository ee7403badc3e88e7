// Hand-written SQL, not the entity's repository (TenantTx.repository): the failure streak and
// the auto-disable are one conditional UPDATE each, decided in the database on the row's own
// values, so two attempts finishing at once never lose a failure or disable twice.
import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { WebhookEndpointEntity } from './webhook.entities.js';

/** An endpoint as the API shows it (never its secret). */
export interface WebhookEndpoint {
  id: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: 'failing' | 'staff' | null;
  disabledAt: Date | null;
  consecutiveFailures: number;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type EndpointRow = Omit<WebhookEndpointEntity, 'tenant_id' | 'secret_enc'>;

const COLUMNS = `id, url, event_types, enabled, disabled_reason, disabled_at, consecutive_failures,
  failing_since, created_at, updated_at`;

const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  eventTypes: row.event_types,
  enabled: row.enabled,
  disabledReason: row.disabled_reason as WebhookEndpoint['disabledReason'],
  disabledAt: row.disabled_at,
  consecutiveFailures: row.consecutive_failures,
  failingSince: row.failing_since,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The column binding of an endpoint's signing secret (tenant key). */
export const WEBHOOK_SECRET_COLUMN = 'webhook_endpoints.secret';

/** webhook_endpoints (webhooks-out's table). */
@Injectable()
export class WebhookEndpointRepository {
  async list(tx: TenantTx): Promise<WebhookEndpoint[]> {
    const rows = await tx.query<EndpointRow>(
      `SELECT ${COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 ORDER BY created_at, id`,
      [tx.tenantId],
    );
    return rows.map(toEndpoint);
  }

  /** The endpoint, locked until commit when `forUpdate`; null when the practice has no such endpoint. */
  async get(tx: TenantTx, id: string, { forUpdate = false } = {}): Promise<WebhookEndpoint | null> {
    const [row] = await tx.query<EndpointRow>(
      `SELECT ${COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [tx.tenantId, id],
    );
    return row ? toEndpoint(row) : null;
  }

  async insert(
    tx: TenantTx,
    endpoint: { id: string; url: string; eventTypes: string[]; secretEnc: Buffer },
  ): Promise<WebhookEndpoint> {
    const [row] = await tx.query<EndpointRow>(
      `INSERT INTO webhook_endpoints (id, tenant_id, url, event_types, secret_enc)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [endpoint.id, tx.tenantId, endpoint.url, endpoint.eventTypes, endpoint.secretEnc],
    );
    return toEndpoint(row!);
  }

  /**
   * Changes what is given. Enabling clears the failure streak (the receiver is said to be back);
   * disabling by staff says so (`disabled_reason = 'staff'`).
   */
  async update(
    tx: TenantTx,
    id: string,
    patch: { url?: string; eventTypes?: string[]; enabled?: boolean },
  ): Promise<WebhookEndpoint | null> {
    const [row] = await tx.query<EndpointRow>(
      `UPDATE webhook_endpoints SET
         url = coalesce($3, url),
         event_types = coalesce($4, event_types),
         enabled = coalesce($5, enabled),
         disabled_reason = CASE WHEN $5 IS NULL THEN disabled_reason WHEN $5 THEN NULL
                                WHEN enabled THEN 'staff' ELSE disabled_reason END,
         disabled_at = CASE WHEN $5 IS NULL THEN disabled_at WHEN $5 THEN NULL
                            WHEN enabled THEN now() ELSE disabled_at END,
         consecutive_failures = CASE WHEN $5 AND NOT enabled THEN 0 ELSE consecutive_failures END,
         failing_since = CASE WHEN $5 AND NOT enabled THEN NULL ELSE failing_since END,
         updated_at = now()
       WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [tx.tenantId, id, patch.url ?? null, patch.eventTypes ?? null, patch.enabled ?? null],
    );
    return row ? toEndpoint(row) : null;
  }

  async replaceSecret(tx: TenantTx, id: string, secretEnc: Buffer): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE webhook_endpoints SET secret_enc = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [tx.tenantId, id, secretEnc],
    );
    return rows.length > 0;
  }

  /** Deletes the endpoint with its deliveries and their attempts; false when there was none. */
  async delete(tx: TenantTx, id: string): Promise<boolean> {
    const rows = await tx.query(
      `DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [tx.tenantId, id],
    );
    return rows.length > 0;
  }

  /**
   * Counts an attempt's outcome into the endpoint's streak: a delivered attempt ends it, a failed
   * one extends it, and disables the endpoint (`failing`) once the streak is at least
   * `failures` long and older than `seconds`. Returns whether this attempt disabled it.
   */
  async countAttempt(
    tx: TenantTx,
    id: string,
    delivered: boolean,
    disableAfter: { failures: number; seconds: number },
  ): Promise<{ disabledNow: boolean; consecutiveFailures: number }> {
    const [row] = await tx.query<{ was_enabled: boolean; enabled: boolean; consecutive_failures: number }>(
      `WITH before AS (SELECT enabled FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 FOR UPDATE)
       UPDATE webhook_endpoints e SET
         consecutive_failures = CASE WHEN $3 THEN 0 ELSE e.consecutive_failures + 1 END,
         failing_since = CASE WHEN $3 THEN NULL ELSE coalesce(e.failing_since, now()) END,
         enabled = e.enabled AND ($3 OR e.consecutive_failures + 1 < $4
                                  OR coalesce(e.failing_since, now()) > now() - make_interval(secs => $5)),
         disabled_reason = CASE WHEN e.enabled AND NOT ($3 OR e.consecutive_failures + 1 < $4
                                  OR coalesce(e.failing_since, now()) > now() - make_interval(secs => $5))
                                THEN 'failing' ELSE e.disabled_reason END,
         disabled_at = CASE WHEN e.enabled AND NOT ($3 OR e.consecutive_failures + 1 < $4
                              OR coalesce(e.failing_since, now()) > now() - make_interval(secs => $5))
                            THEN now() ELSE e.disabled_at END
       FROM before
       WHERE e.tenant_id = $1 AND e.id = $2
       RETURNING before.enabled AS was_enabled, e.enabled, e.consecutive_failures`,
      [tx.tenantId, id, delivered, disableAfter.failures, disableAfter.seconds],
    );
    if (!row) return { disabledNow: false, consecutiveFailures: 0 };
    return { disabledNow: row.was_enabled && !row.enabled, consecutiveFailures: row.consecutive_failures };
  }
}
