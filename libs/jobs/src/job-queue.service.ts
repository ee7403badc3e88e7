import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { queuePrefix } from '@app/redis';
import type { TenantTx } from '@app/database';
import { JOBS, type JobData, type JobName, QUEUE_NAMES, type QueueName, parseJobData } from './job-types.js';
import { closeWithin } from './bounded-close.js';
import { bullConnection, logQueueErrors } from './connection.js';

/** A producer has no jobs of its own to wait for: only its connection, so a short grace. */
const QUEUE_CLOSE_GRACE_MS = 5000;

/** Retries and retention of every job unless its caller says otherwise. */
const JOB_DEFAULTS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
} as const satisfies JobsOptions;

/** Adds jobs (api and worker). Deterministic `jobId`s make adding the same job twice a no-op. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly logger = new Logger('JobQueue');

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'REDIS_URL' | 'REDIS_PREFIX'>) {}

  async add<N extends JobName>(
    name: N,
    data: JobData<N>,
    options: JobsOptions & { jobId: string },
  ): Promise<void> {
    const payload = parseJobData(name, data);
    await this.queue(JOBS[name].queue).add(name, payload, { ...JOB_DEFAULTS, ...options });
  }

  /**
   * Several jobs of one name in one round trip to Redis (BullMQ's addBulk, a MULTI): e.g. one
   * per practice of a group-committed batch of webhooks. As `add` for each.
   */
  async addMany<N extends JobName>(
    name: N,
    jobs: ReadonlyArray<{ data: JobData<N>; jobId: string }>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(JOBS[name].queue).addBulk(
      jobs.map(({ data, jobId }) => ({
        name,
        data: parseJobData(name, data),
        opts: { ...JOB_DEFAULTS, jobId },
      })),
    );
  }

  /**
   * Adds the job once `tx` commits. Its work is recorded in the database, and a relay or sweep
   * finds it if Redis is down, so a failure here is only logged (ids only): `recovery` says who
   * catches up.
   */
  addAfterCommit<N extends JobName>(
    tx: TenantTx,
    name: N,
    data: JobData<N>,
    options: JobsOptions & { jobId: string },
    recovery: string,
  ): void {
    tx.afterCommit(() => {
      this.add(name, data, options).catch((err: Error) =>
        this.logger.warn(
          { job: name, jobId: options.jobId, err: { name: err.name } },
          `Job not queued; ${recovery}`,
        ),
      );
    });
  }

  /**
   * Removes a waiting or delayed job once `tx` commits: work that was rescheduled or called off,
   * which Redis would otherwise keep until it is due. A failure is only logged (ids only): the
   * job then runs and finds nothing to do.
   */
  removeAfterCommit(tx: TenantTx, name: JobName, jobId: string): void {
    tx.afterCommit(() => {
      this.queue(JOBS[name].queue)
        .remove(jobId)
        .catch((err: Error) =>
          this.logger.warn(
            { job: name, jobId, err: { name: err.name } },
            'Job not removed; it runs as a no-op',
          ),
        );
    });
  }

  /**
   * Adds the job again even if a finished (completed/failed) job with this id is still kept:
   * for recovery paths that know the work is not done. A waiting/active/delayed job is left alone.
   */
  async revive<N extends JobName>(
    name: N,
    data: JobData<N>,
    options: JobsOptions & { jobId: string },
  ): Promise<void> {
    const existing = await this.queue(JOBS[name].queue).getJob(options.jobId);
    const state = await existing?.getState();
    if (state === 'completed' || state === 'failed') await existing!.remove();
    await this.add(name, data, options);
  }

  /** Runs `name` every `everyMs` (one BullMQ job scheduler per name: re-registering updates it). */
  async every<N extends JobName>(name: N, data: JobData<N>, everyMs: number): Promise<void> {
    const payload = parseJobData(name, data);
    await this.queue(JOBS[name].queue).upsertJobScheduler(
      name,
      { every: everyMs },
      { name, data: payload, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 1000 } } },
    );
  }

  /** Every queue of the job map (metrics, the operators' dashboard): producers, never workers. */
  all(): Queue[] {
    return QUEUE_NAMES.map((name) => this.queue(name));
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = logQueueErrors(
        new Queue(name, {
          connection: bullConnection(this.config.REDIS_URL, 'producer'),
          prefix: queuePrefix(this.config.REDIS_PREFIX, name),
        }),
      );
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.queues.values()].map((q) => closeWithin(q, QUEUE_CLOSE_GRACE_MS, this.logger)),
    );
  }
}
