import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { RoutedDb } from '@app/database';
import { PeriodicPass } from '@app/jobs';
import { DeliveryOutboxRepository } from '../outbound/delivery-outbox.repository.js';
import { DeliveryQueue } from '../outbound/delivery-queue.js';

const BATCH = 500;

/**
 * Moves due outbox rows to BullMQ. A row is due when it was written without its job reaching
 * Redis (crash after commit, Redis down) or when its lease ran out with the message still not
 * handed to the provider (Redis lost the job, e.g. a restart without persistence). Each claim
 * pushes the row's lease forward, so several workers never relay the same row at once, and
 * adding a job whose id exists is a no-op. Rows leave the outbox when their message is final.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly passes = new PeriodicPass(this.logger, 'Outbox relay pass', () => this.relayOnce());

  constructor(
    private readonly routed: RoutedDb,
    private readonly outbox: DeliveryOutboxRepository,
    private readonly queue: DeliveryQueue,
    @Inject(APP_CONFIG)
    private readonly config: Pick<CoreConfig, 'DELIVERY_LEASE_SECONDS' | 'DELIVERY_RELAY_INTERVAL_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start(this.config.DELIVERY_RELAY_INTERVAL_MS);
  }

  /** One pass; returns how many messages were (re)enqueued. */
  async relayOnce(): Promise<number> {
    const rows = await this.routed.sweep('outboxRelay', (tx) =>
      this.outbox.claimDueAcrossPractices(tx, BATCH, this.config.DELIVERY_LEASE_SECONDS),
    );
    // Each row has its own job id: the adds go out together (ioredis pipelines them).
    await Promise.all(rows.map((row) => this.queue.requeue(row.tenant_id, row.channel, row.message_id)));
    if (rows.length) this.logger.log({ count: rows.length }, 'Outbox rows relayed');
    return rows.length;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }
}
