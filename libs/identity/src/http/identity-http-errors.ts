import { httpErrorMap } from '@app/observability';
import { IdentityError, IdentityErrorCode as E } from '../identity.errors.js';

/** Identity's codes as the API answers them (exhaustive: a new code fails to compile until mapped). */
export const identityHttpErrors = httpErrorMap(IdentityError, {
  [E.ValidationFailed]: 400,
  [E.InvalidCredentials]: 401,
  [E.AccountLocked]: 423,
  [E.EmailTaken]: 409,
  [E.SignupDisabled]: 403,
  [E.InvalidMfaCode]: 401,
  [E.InvalidMfaEnrolmentCode]: { status: 422, code: E.InvalidMfaCode },
  [E.InvalidMfaToken]: 401,
  [E.MfaAlreadyEnabled]: 409,
  [E.MfaSetupRequired]: 409,
  [E.SessionExpired]: 401,
  [E.SessionRevoked]: 401,
  [E.InvalidRefreshToken]: 401,
  [E.RefreshTokenReused]: 401,
  [E.UserNotFound]: { status: 404, code: 'not_found' },
  [E.SessionNotFound]: { status: 404, code: 'not_found' },
  [E.OwnerProtected]: 403,
  [E.CannotDeactivateSelf]: 409,
  [E.CannotChangeOwnRole]: 409,
  [E.InviteNotNeeded]: 409,
  [E.UserInactive]: 409,
  [E.InvalidInvite]: 400,
  [E.InviteRevoked]: 410,
  [E.InvalidResetToken]: 400,
  [E.InvalidCurrentPassword]: 403,
  [E.InvalidMfaConfirmation]: { status: 422, code: E.InvalidMfaCode },
  [E.MfaNotEnabled]: 409,
  [E.CannotResetOwnMfa]: 409,
});
