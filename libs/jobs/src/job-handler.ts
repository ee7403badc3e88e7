import type { Job } from 'bullmq';
import type { JobData, JobName } from './job-types.js';

/** Injection token of the list of handlers the worker runs. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** Runs one job name. Throwing makes BullMQ retry (UnrecoverableError: fail at once). */
export interface JobHandler<N extends JobName = JobName> {
  readonly job: N;
  /** `token`: the worker's lock token (to move the job to delayed, e.g. rate limits). */
  handle(data: JobData<N>, job: Job, token?: string): Promise<void>;
}
