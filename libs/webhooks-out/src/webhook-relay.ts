import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { RoutedDb } from '@app/database';
import { JobQueue, PeriodicPass } from '@app/jobs';
import { deliveryLeaseSeconds } from './webhook-attempts.js';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';

const BATCH = 500;

/**
 * Moves due deliveries to BullMQ (worker). The triggers write deliveries in the transaction of
 * their change, so no code path enqueues them: every new one is due at once, and one whose job
 * Redis lost (or whose enqueue failed) is due again when its lease runs out. Claiming pushes the
 * lease forward, so several workers never enqueue the same delivery at once, and the job id is
 * the delivery id (a finished job of an earlier round is replaced).
 */
@Injectable()
export class WebhookRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookRelay');
  private readonly passes = new PeriodicPass(this.logger, 'Webhook relay pass', () => this.relayOnce());

  constructor(
    private readonly routed: RoutedDb,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG)
    private readonly config: Pick<
      CoreConfig,
      'OUTBOUND_WEBHOOKS_RELAY_INTERVAL_MS' | 'OUTBOUND_WEBHOOKS_TIMEOUT_MS'
    >,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start(this.config.OUTBOUND_WEBHOOKS_RELAY_INTERVAL_MS);
  }

  /** One pass; returns how many deliveries were (re)enqueued. */
  async relayOnce(): Promise<number> {
    const lease = deliveryLeaseSeconds(this.config.OUTBOUND_WEBHOOKS_TIMEOUT_MS);
    const rows = await this.routed.sweep('webhookRelay', (tx) =>
      this.deliveries.claimDueAcrossPractices(tx, BATCH, lease),
    );
    await Promise.all(
      rows.map((row) =>
        this.queue.revive(
          'webhooks.deliver',
          { tenantId: row.tenant_id, deliveryId: row.id },
          { jobId: row.id },
        ),
      ),
    );
    if (rows.length) this.logger.log({ count: rows.length }, 'Webhook deliveries relayed');
    return rows.length;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }
}
