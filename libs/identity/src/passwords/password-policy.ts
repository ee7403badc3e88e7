import { z } from 'zod';
import { IdentityError } from '../identity.errors.js';
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

/** Local parts shorter than this are too likely to appear by chance in a good password. */
const MIN_CHECKED_LOCAL_PART = 3;

/** The account's own words a password must not contain (the email and its local part), unpunctuated. */
function accountWords(email: string): string[] {
  const address = email.normalize('NFKC').toLowerCase();
  const words = [address, address.split('@')[0] ?? ''].map(unpunctuated);
  return [...new Set(words)].filter((w) => w.length >= MIN_CHECKED_LOCAL_PART);
}

/**
 * Null when the password is acceptable, else why not (never echoes the password). Checked in its
 * NFKC form, so compatibility spellings (full-width digits and letters) count as what they read as.
 * `email`: the account's address, when known (signup, user creation, invitation).
 */
export function passwordProblem(password: string, account: { email?: string } = {}): string | null {
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const normalized = password.normalize('NFKC');
  if ([...normalized].length < MIN_PASSWORD_LENGTH)
    return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (isRepetition(normalized)) return 'must not be one short pattern repeated';
  const forms = candidates(normalized);
  if (forms.some((c) => COMMON_PASSWORDS.has(c))) return 'is too common; choose another';
  const words = account.email ? accountWords(account.email) : [];
  if (forms.some((form) => words.some((word) => unpunctuated(form).includes(word))))
    return 'must not contain your email address or its name part';
  return null;
}

/** "Dana.Owner-2025" contains "danaowner": separators do not make the name another word. */
function unpunctuated(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Zod field for a new password: length and common-password rules, with their own messages. */
export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * The rules that need the account (its email), where the service knows it; the schema has already
 * applied the rest. Answers like a schema failure of the `password` field.
 */
export function assertPasswordFitsAccount(password: string, email: string): void {
  const problem = passwordProblem(password, { email });
  if (problem) throw IdentityError.validation('password', problem);
}
