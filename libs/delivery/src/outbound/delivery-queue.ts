import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import type { TenantTx } from '@app/database';
import { JobQueue } from '@app/jobs';

export type DeliveryChannelKind = 'sms' | 'email';

const JOB_BY_CHANNEL = { sms: 'delivery.sms', email: 'delivery.email' } as const;

/**
 * Hands outbound messages to BullMQ: one job per message, `jobId` = message id (adding it twice
 * is a no-op), retried with exponential backoff and jitter up to DELIVERY_MAX_ATTEMPTS. The
 * outbox row written with the message is the durable copy; this is only the fast path.
 */
@Injectable()
export class DeliveryQueue {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG)
    private readonly config: Pick<CoreConfig, 'DELIVERY_MAX_ATTEMPTS' | 'DELIVERY_BACKOFF_MS'>,
  ) {}

  /** The outbox relay: the message is still not handed over, whatever BullMQ remembers of it. */
  async requeue(tenantId: string, channel: DeliveryChannelKind, messageId: string): Promise<void> {
    await this.jobs.revive(JOB_BY_CHANNEL[channel], { tenantId, messageId }, this.options(messageId));
  }

  private options(messageId: string) {
    return {
      jobId: messageId,
      attempts: this.config.DELIVERY_MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.DELIVERY_BACKOFF_MS, jitter: 0.5 },
    };
  }

  /** Enqueues once the message is committed; if Redis is down, the outbox relay catches up. */
  enqueueAfterCommit(tx: TenantTx, channel: DeliveryChannelKind, messageId: string): void {
    this.jobs.addAfterCommit(
      tx,
      JOB_BY_CHANNEL[channel],
      { tenantId: tx.tenantId, messageId },
      this.options(messageId),
      'the outbox relay will retry',
    );
  }
}
