import { Inject, Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { TenantDb } from '@app/database';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import { DispatchBatches } from './dispatch-batches.service.js';
import { DispatchOutcomes } from './dispatch-outcomes.service.js';
import { HeldMessages } from './held-messages.js';
import type { SendFailure } from './send-errors.js';
import { isLastAttempt } from './send-retry.policy.js';

/**
 * The delivery jobs' use case: hands one outbound message to its provider, exactly once in the
 * normal crash cases (the batch, its locks and its two transactions: `DispatchBatches`), then
 * tells BullMQ what became of the job: done; delayed (busy elsewhere, a rate-limit slot far off,
 * or held behind an earlier message to the same address); retried with backoff, failing the
 * message after the last attempt.
 */
@Injectable()
export class DispatchService {
  private readonly logger = new Logger('Dispatcher');

  constructor(
    private readonly batches: DispatchBatches,
    private readonly db: TenantDb,
    private readonly outbound: OutboundMessages,
    private readonly outcomes: DispatchOutcomes,
    private readonly held: HeldMessages,
    @Inject(APP_CONFIG)
    private readonly config: Pick<CoreConfig, 'DELIVERY_LEASE_SECONDS' | 'DELIVERY_MAX_ATTEMPTS'>,
  ) {}

  async dispatch(tenantId: string, messageId: string, job: Job, token: string | undefined): Promise<void> {
    const result = await this.batches.dispatch(tenantId, messageId);
    if (result.kind === 'busy') return this.delay(job, token, this.config.DELIVERY_LEASE_SECONDS * 1000);
    if (result.kind === 'delay') return this.delay(job, token, result.ms);
    if (result.kind === 'held') return this.holdBack(job, token, messageId, result.behind);
    if (result.kind === 'retry') await this.retryOrGiveUp(tenantId, messageId, result.failure, job);
  }

  /** Transient failure: BullMQ retries with backoff; after the last attempt the message fails. */
  private async retryOrGiveUp(
    tenantId: string,
    messageId: string,
    failure: SendFailure,
    job: Job,
  ): Promise<void> {
    const lastAttempt = isLastAttempt(job, this.config.DELIVERY_MAX_ATTEMPTS);
    this.logger.warn(
      { messageId, code: failure.code, attempt: job.attemptsMade + 1, lastAttempt },
      'Provider call failed',
    );
    if (!lastAttempt) throw new Error(`Provider call failed (${failure.code}); retrying`);
    await this.db.forTenant(tenantId, async (tx) => {
      const current = await this.outbound.lockForDispatch(tx, messageId);
      if (current && this.outbound.isPending(current))
        await this.outcomes.fail(tx, current, 'attempts_exhausted');
    });
    this.held.ended(messageId);
    throw new UnrecoverableError(`Provider kept failing (${failure.code})`);
  }

  private async delay(job: Job, token: string | undefined, ms: number): Promise<never> {
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  }

  /**
   * Delayed until the earlier message `behind` ends in this process (then promoted at once), or
   * its fallback delay passes (that message is another process's, or retrying with backoff).
   */
  private async holdBack(
    job: Job,
    token: string | undefined,
    messageId: string,
    behind: string,
  ): Promise<never> {
    await job.moveToDelayed(Date.now() + this.held.fallbackDelayMs(job), token);
    // Promoting a job that is no longer delayed (it ran meanwhile) fails harmlessly.
    this.held.waitFor(behind, messageId, () => void job.promote().catch(() => undefined));
    throw new DelayedError();
  }
}
