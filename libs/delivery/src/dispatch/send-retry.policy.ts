import type { Job } from 'bullmq';
import type { SendFailure } from './send-errors.js';

/** What a failed provider call does to its attempt, and so to its message and its job. */
export type AfterFailure =
  /** It may have reached the provider: the attempt stays open so the retry looks there first. */
  | { attempt: 'open' }
  /** Not taken this time: the attempt ends as `retry` and the job tries again with backoff. */
  | { attempt: 'retry'; credentialsRejected: boolean }
  /** Refused for good: the attempt ends as `rejected` and the message fails with the code. */
  | { attempt: 'rejected'; optedOut: boolean };

export function afterFailure(failure: SendFailure): AfterFailure {
  switch (failure.kind) {
    case 'unknown':
      return { attempt: 'open' };
    case 'transient':
      return { attempt: 'retry', credentialsRejected: failure.credentialsRejected === true };
    case 'permanent':
      return { attempt: 'rejected', optedOut: failure.optedOut };
  }
}

/** Whether this run is the job's last (BullMQ's attempts, else the configured maximum). */
export function isLastAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>, maxAttempts: number): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? maxAttempts);
}
