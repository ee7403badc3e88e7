import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { RoutedDb } from '@app/database';
import { type JobData, type JobHandler, JobQueue, PeriodicPass } from '@app/jobs';
import { PendingSmsProcessor } from './pending-sms.processor.js';
import { SmsInboundRepository } from './sms-inbound.repository.js';

/** `sms.inbound`: a practice's acknowledged texts into the conversation store. */
@Injectable()
export class PendingSmsJob implements JobHandler<'sms.inbound'> {
  readonly job = 'sms.inbound' as const;
  constructor(private readonly processor: PendingSmsProcessor) {}

  async handle(data: JobData<'sms.inbound'>): Promise<void> {
    await this.processor.drain(data.tenantId);
  }
}

/**
 * Redis keeps nothing across a restart, and the webhook's enqueue may fail after its commit:
 * a text still in sms_inbound INBOUND_RELAY_AFTER_SECONDS after it arrived gets its practice's
 * processing enqueued again (the delivery OutboxRelay's role, for inbound). A waiting or
 * running job of the same id is left alone, and processing takes every pending row anyway.
 */
@Injectable()
export class PendingSmsRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PendingSmsRelay');
  private readonly passes = new PeriodicPass(this.logger, 'Inbound relay pass', () => this.relayOnce());

  constructor(
    private readonly routed: RoutedDb,
    private readonly pending: SmsInboundRepository,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG)
    private readonly config: Pick<CoreConfig, 'INBOUND_RELAY_AFTER_SECONDS' | 'INBOUND_RELAY_INTERVAL_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start(this.config.INBOUND_RELAY_INTERVAL_MS);
  }

  /** One pass; returns how many practices' processing was (re)enqueued. */
  async relayOnce(): Promise<number> {
    const tenants = await this.routed.sweep('inboundRelay', (tx) =>
      this.pending.practicesWaitingSince(tx, this.config.INBOUND_RELAY_AFTER_SECONDS),
    );
    for (const { tenant_id: tenantId } of tenants) {
      await this.jobs.revive('sms.inbound', { tenantId }, { jobId: `relay-${tenantId}` });
    }
    if (tenants.length) this.logger.log({ practices: tenants.length }, 'Pending texts relayed');
    return tenants.length;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }
}
