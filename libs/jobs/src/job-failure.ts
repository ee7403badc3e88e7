import { UnrecoverableError } from 'bullmq';
import { DomainError } from '@app/observability';

/**
 * The worker's one mapping of a handler's error to BullMQ's retry decision. A domain error names
 * a refusal of the job's subject (gone, invalid, not allowed): the same job would be refused
 * again, so it fails at once, by its code (never its message, which may be written for a
 * person). Anything else (a lost connection, a deadlock, a provider's outage) is retried with
 * the queue's backoff.
 */
export function asJobFailure(err: unknown): unknown {
  if (err instanceof DomainError) return new UnrecoverableError(`${err.name}: ${err.code}`);
  return err;
}
