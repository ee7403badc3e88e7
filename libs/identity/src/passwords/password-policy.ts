import { z } from 'zod';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
};

/** The spellings of a password that are checked against the common list. */
function candidates(password: string): string[] {
  const lower = password.toLowerCase();
  const unleet = lower.replace(/[@4013$57]/g, (c) => LEET[c] ?? c);
  const stripped = [lower, unleet].map((form) => form.replace(/[\d\W_]+$/u, ''));
  // "1" also stands for "l" ("he11o"); cheap to try both.
  return [lower, unleet, ...stripped, lower.replace(/1/g, 'l')].filter(Boolean);
}

/** A short unit repeated ("abcabcabcabc", "aaaaaaaaaaaa") is as weak as the unit. */
function isRepetition(password: string): boolean {
  return /^(.{1,4})\1+$/u.test(password);
}

/** Null when the password is acceptable, else why not (never echoes the password). */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  if (isRepetition(password)) return 'must not be one short pattern repeated';
  if (candidates(password).some((c) => COMMON_PASSWORDS.has(c))) return 'is too common; choose another';
  return null;
}

/** Zod field for a new password: length and common-password rules, with their own messages. */
export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
