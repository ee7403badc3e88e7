import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { DeliveryQueue, type DeliveryChannelKind } from '../outbound/delivery-queue.js';

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
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: DeliveryQueue,
    @Inject(APP_CONFIG)
    private readonly config: Pick<CoreConfig, 'DELIVERY_LEASE_SECONDS' | 'DELIVERY_RELAY_INTERVAL_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.relayOnce()
        .then(() => undefined)
        .catch((err: Error) => this.logger.warn({ err: { name: err.name } }, 'Outbox relay pass failed'))
        .finally(() => (this.running = undefined));
    }, this.config.DELIVERY_RELAY_INTERVAL_MS);
  }

  /** One pass; returns how many messages were (re)enqueued. */
  async relayOnce(): Promise<number> {
    const due = await this.dataSource.transaction(async (m) => {
      // Ids only: this table is the one place the relay may look across practices (its RLS policy).
      await m.query(`SELECT set_config('app.outbox_relay', 'on', true)`);
      return (await m.query(
        `UPDATE delivery_outbox o
         SET available_at = now() + make_interval(secs => $2), relays = o.relays + 1
         FROM (SELECT tenant_id, message_id FROM delivery_outbox WHERE available_at <= now()
               ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
         WHERE o.tenant_id = due.tenant_id AND o.message_id = due.message_id
         RETURNING o.tenant_id, o.message_id, o.channel`,
        [BATCH, this.config.DELIVERY_LEASE_SECONDS],
      )) as [Array<{ tenant_id: string; message_id: string; channel: DeliveryChannelKind }>, number];
    });
    const rows = due[0];
    for (const row of rows) await this.queue.requeue(row.tenant_id, row.channel, row.message_id);
    if (rows.length) this.logger.log({ count: rows.length }, 'Outbox rows relayed');
    return rows.length;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
