// Hand-written SQL, not the entity's repository (TenantTx.repository): the relay claims due outbox
// rows across practices with one UPDATE ... FOR UPDATE SKIP LOCKED per pass, beside the dispatch
// path (measured: `npm run bench delivery`, docs/operations.md).
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
  private readonly passes = new PeriodicPass(this.logger, 'Outbox relay pass', () => this.relayOnce());

  constructor(
    private readonly routed: RoutedDb,
    private readonly queue: DeliveryQueue,
    @Inject(APP_CONFIG)
    private readonly config: Pick<CoreConfig, 'DELIVERY_LEASE_SECONDS' | 'DELIVERY_RELAY_INTERVAL_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start(this.config.DELIVERY_RELAY_INTERVAL_MS);
  }

  /** One pass; returns how many messages were (re)enqueued. */
  async relayOnce(): Promise<number> {
    const rows = await this.routed.sweep('outboxRelay', async (tx) => {
      // Ids only: this table is the one place the relay may look across practices, and only to
      // read (its route policy is FOR SELECT). Each practice's due rows are then claimed with
      // the practice acted as (still this transaction): locked, skipping rows another relay or a
      // dispatch holds, and their lease pushed forward.
      const due = await tx.query<{ tenant_id: string; message_id: string }>(
        `SELECT tenant_id, message_id FROM delivery_outbox WHERE available_at <= now()
         ORDER BY available_at LIMIT $1`,
        [BATCH],
      );
      const claimed: Array<{ tenant_id: string; message_id: string; channel: DeliveryChannelKind }> = [];
      for (const tenantId of new Set(due.map((r) => r.tenant_id))) {
        await tx.actAsTenant(tenantId);
        claimed.push(
          ...(await tx.query<(typeof claimed)[number]>(
            `WITH claimed AS (
               UPDATE delivery_outbox SET available_at = now() + make_interval(secs => $3), relays = relays + 1
               WHERE tenant_id = $1 AND message_id IN (
                 SELECT message_id FROM delivery_outbox
                 WHERE tenant_id = $1 AND message_id = ANY($2::uuid[]) AND available_at <= now()
                 FOR UPDATE SKIP LOCKED)
               RETURNING tenant_id, message_id, channel)
             SELECT * FROM claimed`,
            [
              tenantId,
              due.filter((r) => r.tenant_id === tenantId).map((r) => r.message_id),
              this.config.DELIVERY_LEASE_SECONDS,
            ],
          )),
        );
      }
      return claimed;
    });
    // Each row has its own job id: the adds go out together (ioredis pipelines them).
    await Promise.all(rows.map((row) => this.queue.requeue(row.tenant_id, row.channel, row.message_id)));
    if (rows.length) this.logger.log({ count: rows.length }, 'Outbox rows relayed');
    return rows.length;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }
}
