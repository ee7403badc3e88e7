import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { KeyRingService } from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import { JobQueue } from '@app/jobs';
import { type HostResolver, resolveWithDns, vetEndpointUrl } from './endpoint-address.js';
import { deliveryLeaseSeconds, WEBHOOK_HOST_RESOLVER } from './webhook-attempts.js';
import { type DeliveryLogEntry, WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import {
  WEBHOOK_SECRET_COLUMN,
  type WebhookEndpoint,
  WebhookEndpointRepository,
} from './webhook-endpoint.repository.js';
import type { WebhookEventType } from './webhook-events.js';
import { WebhooksOutError, WebhooksOutErrorCode as E } from './webhooks-out.errors.js';

export interface EndpointInput {
  url: string;
  eventTypes: WebhookEventType[];
}

const endpointNotFound = () => new WebhooksOutError(E.EndpointNotFound, 'Webhook endpoint not found');

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * A practice's outbound webhook endpoints (owner/admin): register (the URL vetted against
 * private addresses, the secret shown once), change, re-enable, rotate the secret, delete, read
 * the delivery log and replay a delivery. Every change is audited (ids and event names only).
 */
@Injectable()
export class WebhookEndpoints {
  constructor(
    private readonly db: TenantDb,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG)
    private readonly config: Pick<
      CoreConfig,
      'OUTBOUND_WEBHOOKS_ALLOW_PRIVATE' | 'OUTBOUND_WEBHOOKS_TIMEOUT_MS'
    >,
    @Optional() @Inject(WEBHOOK_HOST_RESOLVER) private readonly resolve: HostResolver = resolveWithDns,
  ) {}

  list(): Promise<WebhookEndpoint[]> {
    return this.db.transaction((tx) => this.endpoints.list(tx));
  }

  async create(input: EndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const url = await this.vetted(input.url);
    const secret = newSecret();
    return this.db.transaction(async (tx) => {
      const cipher = await this.keys.forTenant(tx);
      const endpoint = await this.endpoints.insert(tx, {
        id: randomUUID(),
        url,
        eventTypes: [...new Set(input.eventTypes)],
        secretEnc: cipher.encrypt(WEBHOOK_SECRET_COLUMN, secret),
      });
      this.audited(tx, 'webhook_endpoint.created', endpoint.id, {
        eventTypes: endpoint.eventTypes.join(','),
      });
      return { endpoint, secret };
    });
  }

  async update(
    id: string,
    patch: { url?: string; eventTypes?: WebhookEventType[]; enabled?: boolean },
  ): Promise<WebhookEndpoint> {
    const url = patch.url === undefined ? undefined : await this.vetted(patch.url);
    return this.db.transaction(async (tx) => {
      const before = await this.endpoints.get(tx, id, { forUpdate: true });
      if (!before) throw endpointNotFound();
      const after = await this.endpoints.update(tx, id, {
        url,
        eventTypes: patch.eventTypes && [...new Set(patch.eventTypes)],
        enabled: patch.enabled,
      });
      this.audited(tx, 'webhook_endpoint.updated', id, {
        fields: Object.keys(patch).join(','),
        ...(patch.enabled !== undefined && patch.enabled !== before.enabled
          ? { enabled: patch.enabled }
          : {}),
      });
      return after!;
    });
  }

  delete(id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      if (!(await this.endpoints.delete(tx, id))) throw endpointNotFound();
      this.audited(tx, 'webhook_endpoint.deleted', id);
    });
  }

  /** A new secret, shown once; the old one stops signing at once. */
  rotateSecret(id: string): Promise<{ secret: string }> {
    const secret = newSecret();
    return this.db.transaction(async (tx) => {
      const cipher = await this.keys.forTenant(tx);
      if (!(await this.endpoints.replaceSecret(tx, id, cipher.encrypt(WEBHOOK_SECRET_COLUMN, secret))))
        throw endpointNotFound();
      this.audited(tx, 'webhook_endpoint.secret_rotated', id);
      return { secret };
    });
  }

  deliveryLog(endpointId: string, page: { beforeSeq?: number; limit: number }): Promise<DeliveryLogEntry[]> {
    return this.db.transaction(async (tx) => {
      if (!(await this.endpoints.get(tx, endpointId))) throw endpointNotFound();
      return this.deliveries.page(tx, endpointId, page);
    });
  }

  /**
   * Sends a delivered or failed delivery again (same webhook-id, a new retry window), queued
   * after commit; the relay enqueues it should that fail.
   */
  replay(endpointId: string, deliveryId: string): Promise<void> {
    const lease = deliveryLeaseSeconds(this.config.OUTBOUND_WEBHOOKS_TIMEOUT_MS);
    return this.db.transaction(async (tx) => {
      if (!(await this.endpoints.get(tx, endpointId))) throw endpointNotFound();
      const result = await this.deliveries.replay(tx, endpointId, deliveryId, lease);
      if (result === null) throw new WebhooksOutError(E.DeliveryNotFound, 'Webhook delivery not found');
      if (result === 'pending')
        throw new WebhooksOutError(
          E.DeliveryPending,
          'The delivery is still being retried; replay it once it has finished',
        );
      this.audited(tx, 'webhook_delivery.replayed', deliveryId, { endpointId }, 'webhook_delivery');
      tx.afterCommit(() =>
        this.queue
          .revive('webhooks.deliver', { tenantId: tx.tenantId, deliveryId }, { jobId: deliveryId })
          .catch(() => undefined),
      );
    });
  }

  private async vetted(raw: string): Promise<string> {
    const verdict = await vetEndpointUrl(raw, {
      allowPrivate: this.config.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE,
      resolve: this.resolve,
    });
    if (verdict.ok) return verdict.url.toString();
    if (verdict.reason === 'invalid')
      throw new WebhooksOutError(
        E.UrlInvalid,
        this.config.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE
          ? 'The URL must be an absolute http(s) URL without credentials'
          : 'The URL must be an absolute https URL without credentials',
      );
    if (verdict.reason === 'unresolvable')
      throw new WebhooksOutError(E.UrlUnresolvable, 'The URL’s host does not resolve');
    throw new WebhooksOutError(
      E.UrlRefused,
      'The URL’s host resolves to a private, loopback, link-local or otherwise non-public address',
    );
  }

  private audited(
    tx: TenantTx,
    action: string,
    id: string,
    metadata: Record<string, string | boolean> = {},
    type = 'webhook_endpoint',
  ): void {
    this.audit.record(tx, { action, target: { type, id }, metadata });
  }
}
