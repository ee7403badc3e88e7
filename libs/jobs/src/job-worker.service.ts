import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { queuePrefix } from '@app/redis';
import { requestContext } from '@app/observability';
import { closeWithin } from './bounded-close.js';
import { bullConnection, logQueueErrors } from './connection.js';
import { JOB_HANDLERS, type JobHandler } from './job-handler.js';
import { JOBS, type JobName, QUEUE_NAMES, parseJobData } from './job-types.js';

/** Exactly one handler per job name, or the worker does not start. */
export function indexHandlers(handlers: JobHandler[]): Map<JobName, JobHandler> {
  const byName = new Map<JobName, JobHandler>();
  for (const handler of handlers) {
    if (byName.has(handler.job)) throw new Error(`Two handlers for job ${handler.job}`);
    byName.set(handler.job, handler);
  }
  const missing = (Object.keys(JOBS) as JobName[]).filter((name) => !byName.has(name));
  if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
  return byName;
}

/**
 * Runs the queues' jobs. Each job runs inside a request context for its tenant (when its
 * payload has one), so TenantDb.transaction and the audit actor work as in a request.
 */
@Injectable()
export class JobWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly handlers: Map<JobName, JobHandler>;
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    @Inject(APP_CONFIG)
    private readonly config: Pick<
      CoreConfig,
      | 'REDIS_URL'
      | 'REDIS_PREFIX'
      | 'DELIVERY_CONCURRENCY'
      | 'JOB_STALLED_INTERVAL_MS'
      | 'JOB_SHUTDOWN_GRACE_MS'
    >,
  ) {
    this.handlers = indexHandlers(handlers);
  }

  onApplicationBootstrap(): void {
    for (const queue of QUEUE_NAMES) {
      const worker = logQueueErrors(
        new Worker(queue, (job, token) => this.run(job, token), {
          connection: bullConnection(this.config.REDIS_URL, 'worker'),
          prefix: queuePrefix(this.config.REDIS_PREFIX, queue),
          concurrency: queue.startsWith('delivery-') ? this.config.DELIVERY_CONCURRENCY : 4,
          // A job whose process died (SIGKILL) loses its lock after lockDuration and is picked up
          // again by the next stalled check: both bound how long a crash delays it.
          lockDuration: this.config.JOB_STALLED_INTERVAL_MS,
          stalledInterval: this.config.JOB_STALLED_INTERVAL_MS,
          maxStalledCount: 5,
        }),
      );
      worker.on('failed', (job, err) =>
        this.logger.warn(
          { job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: { name: err.name } },
          'Job failed',
        ),
      );
      this.workers.push(worker);
    }
  }

  /** @internal exported for tests */
  async run(job: Job, token?: string): Promise<void> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const data = parseJobData(name, job.data);
    const tenantId = 'tenantId' in data ? data.tenantId : undefined;
    await requestContext.run(
      { tenantId, actor: { type: 'system', id: `job:${name}` }, requestId: `job:${job.id}` },
      () => handler.handle(data as never, job, token),
    );
  }

  /**
   * SIGTERM: stops taking jobs and waits for the running ones (up to JOB_SHUTDOWN_GRACE_MS),
   * before any provider (pools, Redis) shuts down in the later onApplicationShutdown phase.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const grace = this.config.JOB_SHUTDOWN_GRACE_MS;
    await Promise.all(this.workers.map((w) => closeWithin(w, grace, this.logger)));
  }
}
