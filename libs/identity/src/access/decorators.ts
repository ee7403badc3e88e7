import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors, AppError } from '@app/observability';
import type { Permission } from './permissions.js';
import type { Principal } from './principal.js';

export const REQUIRED_PERMISSIONS = 'inbox:requiredPermissions';
export const ANY_AUTHENTICATED = 'inbox:anyAuthenticated';
export const ALLOWED_BEFORE_MFA_ENROLLMENT = 'inbox:allowedBeforeMfaEnrollment';
export const AUTH_RATE_LIMITED = 'inbox:authRateLimited';

/** What the access guard answers a request without a live session (documented on every staff route). */
const SESSION_ERRORS = ['unauthorized', 'token_expired', 'session_expired', 'session_revoked'];

/** The caller must hold every listed permission (see ROLE_PERMISSIONS). */
export const RequirePermission = (...permissions: [Permission, ...Permission[]]) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permissions),
    ApiBearerAuth(),
    ApiErrors({ 401: SESSION_ERRORS, 403: ['forbidden', 'mfa_enrollment_required'] }),
  );

/** Reachable by a session that still has to enrol in MFA (`/v1/me`, `/v1/auth/*`). */
export const AllowedBeforeMfaEnrollment = () => SetMetadata(ALLOWED_BEFORE_MFA_ENROLLMENT, true);

/**
 * Any signed-in staff user may call this (their own profile, their own sessions, logout).
 * `beforeMfaEnrollment`: a session that still has to enrol in MFA may too, so no 403 is documented.
 */
export const Authenticated = ({ beforeMfaEnrollment = false } = {}) =>
  applyDecorators(
    SetMetadata(ANY_AUTHENTICATED, true),
    ApiBearerAuth(),
    ...(beforeMfaEnrollment
      ? [AllowedBeforeMfaEnrollment(), ApiErrors({ 401: SESSION_ERRORS })]
      : [ApiErrors({ 401: SESSION_ERRORS, 403: ['mfa_enrollment_required'] })]),
  );

/** Per-IP rate limit of the credential endpoints (`/v1/auth/*`). */
export const AuthRateLimited = () =>
  applyDecorators(SetMetadata(AUTH_RATE_LIMITED, true), ApiErrors({ 429: ['rate_limited'] }));

/** The authenticated caller (set by the access guard). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>().user;
  // Only reachable on a route someone forgot to protect; never answer as if anonymous were a user.
  if (!principal) throw new AppError(401, 'unauthorized', 'Sign in first');
  return principal;
});
