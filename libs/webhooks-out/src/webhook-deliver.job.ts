import { Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import type { JobData, JobHandler } from '@app/jobs';
import { WebhookAttempts } from './webhook-attempts.js';

/**
 * Worker side of `webhooks.deliver`: one attempt, and the same job moved to delayed until the
 * next one (a DelayedError spends none of BullMQ's own attempts, which stay for errors of ours).
 */
@Injectable()
export class WebhookDeliverJob implements JobHandler<'webhooks.deliver'> {
  readonly job = 'webhooks.deliver' as const;

  constructor(private readonly attempts: WebhookAttempts) {}

  async handle(data: JobData<'webhooks.deliver'>, job: Job, token?: string): Promise<void> {
    const result = await this.attempts.attempt(data.tenantId, data.deliveryId);
    if (result.done) return;
    await job.moveToDelayed(Date.now() + result.retryInMs, token);
    throw new DelayedError();
  }
}
