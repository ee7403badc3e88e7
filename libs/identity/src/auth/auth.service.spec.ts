import { describe, expect, it } from 'vitest';
import { identityHttpErrors } from '../http/identity-http-errors.js';
import { IdentityError } from '../identity.errors.js';
import { AuthService } from './auth.service.js';

// Unknown emails must cost what a wrong password costs: the same argon2 work, as long a wait,
// the same answer.
function service(calls: string[]) {
  const never = new Proxy({}, { get: () => () => Promise.reject(new Error('must not be reached')) });
  const hasher = {
    verifyNothing: async () => {
      calls.push('argon2 against the dummy hash');
      return false;
    },
  };
  const latency = {
    start: () => 0,
    matchTo: async (answer: string) => {
      calls.push(`wait like a known account's ${answer}`);
    },
  };
  const failures = {
    count: (step: string, reason: string) => {
      calls.push(`count a ${step} failure: ${reason}`);
    },
  };
  const directory = {
    find: async () => {
      calls.push('directory lookup');
      return null;
    },
  };
  return new AuthService(
    never as never, // db: no tenant to open
    directory as never,
    never as never,
    never as never,
    hasher as never,
    never as never,
    never as never,
    never as never,
    never as never,
    never as never,
    latency as never,
    { ALLOW_SIGNUP: false },
    { now: () => 0 },
    failures as never,
    never as never,
    never as never,
  );
}

describe('AuthService.login for an unknown email', () => {
  it('runs argon2 against a dummy hash and answers invalid_credentials', async () => {
    const calls: string[] = [];
    const err = await service(calls)
      .login({ email: 'nobody@example.test', password: 'whatever-password' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdentityError);
    expect(identityHttpErrors.answer(err as IdentityError)).toEqual({
      status: 401,
      code: 'invalid_credentials',
    });
    expect(calls).toEqual([
      'directory lookup',
      'argon2 against the dummy hash',
      'count a login failure: unknown_account',
      "wait like a known account's login_refusal",
    ]);
  });

  it('does the same for something that is not an email at all (no directory query needed)', async () => {
    const calls: string[] = [];
    const err = await service(calls)
      .login({ email: 'not an email', password: 'x' })
      .catch((e: unknown) => e);
    expect((err as IdentityError).code).toBe('invalid_credentials');
    expect(calls).toEqual([
      'argon2 against the dummy hash',
      'count a login failure: unknown_account',
      "wait like a known account's login_refusal",
    ]);
  });
});
