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

describe('password policy: normalisation and the account itself', () => {
  it('checks the NFKC form: full-width spellings of a common password are refused', () => {
    expect(passwordProblem('ｐａｓｓｗｏｒｄ１２３４')).toMatch(/too common/);
    expect(passwordProblem('Ｐ＠ｓｓｗ０ｒｄ２０２４！')).toMatch(/too common/);
  });

  it.each([
    'dana.owner@clinic.test',
    'DANA.OWNER@CLINIC.TEST!',
    'Dana.Owner-2025',
    'my-DanaOwner-pass',
    'ｄａｎａ．ｏｗｎｅｒ１２３４',
    'd@n@.0wner12345',
  ])('refuses %s for dana.owner@clinic.test', (password) => {
    expect(passwordProblem(password, { email: 'dana.owner@clinic.test' })).toMatch(/email/);
  });

  it('does not refuse a password for sharing a very short local part with it', () => {
    expect(passwordProblem('Correct-Horse-Battery-9', { email: 'ho@clinic.test' })).toBeNull();
    expect(passwordProblem('Correct-Horse-Battery-9', { email: 'dana.owner@clinic.test' })).toBeNull();
  });
});
