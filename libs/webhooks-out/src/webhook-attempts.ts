import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { StaffEvents } from '@app/conversations';
import { KeyRingService } from '@app/crypto';
import { TenantDb } from '@app/database';
import { type HostResolver, resolveWithDns, vetEndpointUrl } from './endpoint-address.js';
import { WEBHOOK_SECRET_COLUMN, WebhookEndpointRepository } from './webhook-endpoint.repository.js';
import { type DeliveryNext, WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { webhookBody } from './webhook-events.js';
import { type AttemptOutcome, postWebhook } from './webhook-poster.js';

/** The longest wait between two attempts of one delivery. */
export const MAX_RETRY_DELAY_MS = 6 * 3_600_000;

/** Injection token of the host resolver (DNS by default; tests name their own hosts). */
export const WEBHOOK_HOST_RESOLVER = Symbol('WEBHOOK_HOST_RESOLVER');

export type WebhookAttemptsConfig = Pick<
  CoreConfig,
  | 'OUTBOUND_WEBHOOKS_ALLOW_PRIVATE'
  | 'OUTBOUND_WEBHOOKS_BACKOFF_MS'
  | 'OUTBOUND_WEBHOOKS_RETRY_SECONDS'
  | 'OUTBOUND_WEBHOOKS_DISABLE_AFTER_SECONDS'
  | 'OUTBOUND_WEBHOOKS_DISABLE_AFTER_FAILURES'
  | 'OUTBOUND_WEBHOOKS_TIMEOUT_MS'
>;

/** How long a claimed or running delivery is left to its job before the relay enqueues it again. */
export function deliveryLeaseSeconds(timeoutMs: number): number {
  return Math.ceil(timeoutMs / 1000) + 60;
}

/** The wait after the `attempt`-th failed attempt: doubling from the base, at most MAX_RETRY_DELAY_MS. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
}

/** What an attempt leaves for its job: done, or try again in `retryInMs`. */
export type AttemptResult = { done: true } | { done: false; retryInMs: number };

/**
 * One attempt of one delivery (the `webhooks.deliver` job): reads the delivery and its endpoint,
 * vets the endpoint's address again (DNS now, not at registration), signs the body per Standard
 * Webhooks (a fresh timestamp each attempt, the delivery id as webhook-id), POSTs it to the
 * vetted address, then logs the attempt and counts it into the endpoint's failure streak in one
 * transaction. A failure is retried with a doubling delay until the delivery's retry window
 * (OUTBOUND_WEBHOOKS_RETRY_SECONDS) is over; an endpoint whose failures are sustained is
 * disabled (audited, staff event) and its pending deliveries fail without being sent.
 */
@Injectable()
export class WebhookAttempts {
  private readonly logger = new Logger('WebhookAttempts');

  constructor(
    private readonly db: TenantDb,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
    @Inject(APP_CONFIG) private readonly config: WebhookAttemptsConfig,
    @Optional() @Inject(WEBHOOK_HOST_RESOLVER) private readonly resolve: HostResolver = resolveWithDns,
  ) {}

  async attempt(tenantId: string, deliveryId: string, now = new Date()): Promise<AttemptResult> {
    const lease = deliveryLeaseSeconds(this.config.OUTBOUND_WEBHOOKS_TIMEOUT_MS);
    const work = await this.db.forTenant(tenantId, async (tx) => {
      const found = await this.deliveries.startAttempt(tx, deliveryId, lease);
      if (!found || found.state !== 'pending') return null;
      const secret = await (
        await this.keys.forTenant(tx)
      ).decryptString(WEBHOOK_SECRET_COLUMN, found.secretEnc);
      return { ...found, secret };
    });
    if (!work) return { done: true };
    if (!work.endpointEnabled) {
      await this.db.forTenant(tenantId, (tx) =>
        this.deliveries.finishAttempt(tx, deliveryId, null, { state: 'failed' }),
      );
      return { done: true };
    }

    const outcome = await this.send(work, deliveryId);
    const attemptNo = work.attempts + 1;
    const delay = retryDelayMs(attemptNo, this.config.OUTBOUND_WEBHOOKS_BACKOFF_MS);
    const windowEnds = work.windowStartedAt.getTime() + this.config.OUTBOUND_WEBHOOKS_RETRY_SECONDS * 1000;

    return this.db.forTenant(tenantId, async (tx) => {
      const streak = await this.endpoints.countAttempt(tx, work.endpointId, outcome.delivered, {
        failures: this.config.OUTBOUND_WEBHOOKS_DISABLE_AFTER_FAILURES,
        seconds: this.config.OUTBOUND_WEBHOOKS_DISABLE_AFTER_SECONDS,
      });
      let next: DeliveryNext;
      if (outcome.delivered) next = { state: 'delivered' };
      else if (streak.disabledNow || now.getTime() + delay > windowEnds) next = { state: 'failed' };
      else next = { state: 'pending', relayAt: new Date(now.getTime() + delay + lease * 1000) };
      await this.deliveries.finishAttempt(tx, deliveryId, outcome, next);
      if (streak.disabledNow) {
        this.audit.record(tx, {
          action: 'webhook_endpoint.disabled',
          actor: { type: 'system', id: 'webhooks' },
          target: { type: 'webhook_endpoint', id: work.endpointId },
          metadata: { reason: 'failing', consecutiveFailures: streak.consecutiveFailures },
        });
        this.events.publishAfterCommit(tx, {
          type: 'webhook_endpoint.disabled',
          endpointId: work.endpointId,
          reason: 'failing',
        });
        tx.afterCommit(() =>
          this.logger.warn(
            { tenantId, endpointId: work.endpointId },
            'Webhook endpoint disabled after sustained failure',
          ),
        );
      }
      return next.state === 'pending' ? { done: false, retryInMs: delay } : { done: true };
    });
  }

  private async send(
    work: { url: string; type: string; occurredAt: Date; data: Record<string, unknown>; secret: string },
    deliveryId: string,
  ): Promise<AttemptOutcome> {
    const vetted = await vetEndpointUrl(work.url, {
      allowPrivate: this.config.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE,
      resolve: this.resolve,
    });
    if (!vetted.ok)
      return {
        delivered: false,
        statusCode: null,
        durationMs: 0,
        errorClass: vetted.reason === 'unresolvable' ? 'dns' : 'address_refused',
      };
    const body = webhookBody(work);
    const signedAt = new Date();
    const signature = new Webhook(work.secret).sign(deliveryId, signedAt, body);
    return postWebhook({
      url: vetted.url,
      address: vetted.address,
      family: vetted.family,
      body,
      timeoutMs: this.config.OUTBOUND_WEBHOOKS_TIMEOUT_MS,
      headers: {
        'webhook-id': deliveryId,
        // Standard Webhooks: seconds since the epoch, the same instant the signature covers.
        'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
        'webhook-signature': signature,
      },
    });
  }
}
