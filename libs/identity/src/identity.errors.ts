import { DomainError, INVALID_REQUEST_MESSAGE } from '@app/observability';

/** Every failure identity's use cases name. The HTTP answers are in `http/identity-http-errors.ts`. */
export enum IdentityErrorCode {
  ValidationFailed = 'validation_failed',
  InvalidCredentials = 'invalid_credentials',
  AccountLocked = 'account_locked',
  EmailTaken = 'email_taken',
  SignupDisabled = 'signup_disabled',
  InvalidMfaCode = 'invalid_mfa_code',
  /** A wrong code while enrolling (the caller is signed in; nothing is locked). */
  InvalidMfaEnrolmentCode = 'invalid_mfa_enrolment_code',
  InvalidMfaToken = 'invalid_mfa_token',
  MfaAlreadyEnabled = 'mfa_already_enabled',
  MfaSetupRequired = 'mfa_setup_required',
  SessionExpired = 'session_expired',
  SessionRevoked = 'session_revoked',
  InvalidRefreshToken = 'invalid_refresh_token',
  RefreshTokenReused = 'refresh_token_reused',
  UserNotFound = 'user_not_found',
  SessionNotFound = 'session_not_found',
  OwnerProtected = 'owner_protected',
  CannotDeactivateSelf = 'cannot_deactivate_self',
  CannotChangeOwnRole = 'cannot_change_own_role',
  InviteNotNeeded = 'invite_not_needed',
  UserInactive = 'user_inactive',
  InvalidInvite = 'invalid_invite',
  InviteRevoked = 'invite_revoked',
  /** Unknown, used, superseded or expired password-reset token. */
  InvalidResetToken = 'invalid_reset_token',
  /** Change of password: the current password given is wrong. */
  InvalidCurrentPassword = 'invalid_current_password',
  /** A signed-in user's TOTP confirmation (e.g. regenerating recovery codes) is wrong. */
  InvalidMfaConfirmation = 'invalid_mfa_confirmation',
  MfaNotEnabled = 'mfa_not_enabled',
  CannotResetOwnMfa = 'cannot_reset_own_mfa',
}

export class IdentityError extends DomainError<IdentityErrorCode> {
  static validation(path: string, message: string): IdentityError {
    return new IdentityError(IdentityErrorCode.ValidationFailed, INVALID_REQUEST_MESSAGE, [
      { path, message },
    ]);
  }
}

const E = IdentityErrorCode;

/** Same answer for an unknown email, a wrong password and a deactivated account. */
export const invalidCredentials = () =>
  new IdentityError(E.InvalidCredentials, 'The email or password is not correct');

export const accountLocked = (lockedUntil: Date, now: number) => {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now) / 1000));
  return new IdentityError(
    E.AccountLocked,
    'Too many failed sign-in attempts; the account is locked for a while',
    { retryAfterSeconds }, // the error filter sends it as Retry-After too
  );
};

/** Emails are unique across the whole deployment (case-insensitive). */
export const emailTaken = () => new IdentityError(E.EmailTaken, 'A user with this email already exists');

const INVALID_MFA_CODE = 'The code is not valid (codes are single use)';
export const invalidMfaCode = () => new IdentityError(E.InvalidMfaCode, INVALID_MFA_CODE);
export const invalidMfaEnrolmentCode = () => new IdentityError(E.InvalidMfaEnrolmentCode, INVALID_MFA_CODE);

export const sessionExpired = () =>
  new IdentityError(E.SessionExpired, 'Your session has ended after inactivity; sign in again');
export const sessionRevoked = () =>
  new IdentityError(E.SessionRevoked, 'This session is no longer valid; sign in again');
