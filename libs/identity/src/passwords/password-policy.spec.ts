import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('Correct-Horse-Battery-9')).toBeNull();
    expect(passwordProblem('x7#Lq!vR2pzM')).toBeNull();
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblem('Sh0rt!pass')).toMatch(/at least 12/);
  });

  it.each([
    'password1234',
    'PASSWORD1234',
    'passwordpassword',
    'P@ssw0rd2024!',
    'Welcome12345!!',
    'qwertyuiop123',
    '123456789012',
    'Healthcare2025',
    'iloveyou1234',
  ])('refuses the common password %s and its decorated spellings', (password) => {
    expect(passwordProblem(password)).toMatch(/too common/);
  });

  it('refuses one short pattern repeated', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/repeated/);
    expect(passwordProblem('abcdabcdabcd')).toMatch(/repeated/);
  });

  it('never echoes the password in its message', () => {
    for (const password of ['short', 'password1234', 'zzzzzzzzzzzzzz'])
      expect(passwordProblem(password)).not.toContain(password);
  });
});
