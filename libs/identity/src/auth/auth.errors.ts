import { AppError } from '@app/observability';

/** An error that also tells the client when to try again (rendered as a `Retry-After` header). */
export class RetryableAppError extends AppError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, message, { retryAfterSeconds });
  }
}

/** Same answer for an unknown email, a wrong password and a deactivated account. */
export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'The email or password is not correct');

export const accountLocked = (lockedUntil: Date, now: number) =>
  new RetryableAppError(
    423,
    'account_locked',
    'Too many failed sign-in attempts; the account is locked for a while',
    Math.max(1, Math.ceil((lockedUntil.getTime() - now) / 1000)),
  );

/** Emails are unique across the whole deployment (case-insensitive). */
export const emailTaken = () => new AppError(409, 'email_taken', 'A user with this email already exists');

export const invalidMfaCode = (status = 401) =>
  new AppError(status, 'invalid_mfa_code', 'The code is not valid (codes are single use)');
