import { describe, expect, it } from 'vitest';
import { afterFailure, isLastAttempt } from './send-retry.policy.js';

describe('after a failed provider call', () => {
  it('unknown (it may have reached the provider): the attempt stays open', () => {
    expect(afterFailure({ kind: 'unknown', code: 'ETIMEDOUT' })).toEqual({ attempt: 'open' });
  });

  it('transient: the attempt ends as retry, a rejected credential said so', () => {
    expect(afterFailure({ kind: 'transient', code: '20500' })).toEqual({
      attempt: 'retry',
      credentialsRejected: false,
    });
    expect(afterFailure({ kind: 'transient', code: '20003', credentialsRejected: true })).toEqual({
      attempt: 'retry',
      credentialsRejected: true,
    });
  });

  it('permanent: the attempt is rejected, an opt-out said so', () => {
    expect(afterFailure({ kind: 'permanent', code: '21610', optedOut: true })).toEqual({
      attempt: 'rejected',
      optedOut: true,
    });
  });

  it("the last attempt is the job's own count, else the configured one", () => {
    expect(isLastAttempt({ attemptsMade: 7, opts: { attempts: 8 } }, 3)).toBe(true);
    expect(isLastAttempt({ attemptsMade: 6, opts: { attempts: 8 } }, 3)).toBe(false);
    expect(isLastAttempt({ attemptsMade: 2, opts: {} }, 3)).toBe(true);
  });
});
