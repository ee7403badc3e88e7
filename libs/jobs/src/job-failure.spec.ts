import { UnrecoverableError } from 'bullmq';
import { DomainError } from '@app/observability';
import { describe, expect, it } from 'vitest';
import { asJobFailure } from './job-failure.js';

class ExampleError extends DomainError<'subject_gone'> {}

describe('asJobFailure', () => {
  it('fails a job at once on a domain error, naming only its class and code', () => {
    const failure = asJobFailure(new ExampleError('subject_gone', 'The chat of +15550001111 is gone'));
    expect(failure).toBeInstanceOf(UnrecoverableError);
    expect((failure as Error).message).toBe('ExampleError: subject_gone');
  });

  it('leaves any other error to be retried', () => {
    const lost = Object.assign(new Error('Connection terminated'), { code: '57P01' });
    expect(asJobFailure(lost)).toBe(lost);
  });
});
