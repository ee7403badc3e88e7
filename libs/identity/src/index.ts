export { IdentityModule } from './identity.module.js';
export { AccessGuard } from './access/access.guard.js';
export { PermissionGuard } from './access/permission.guard.js';
export { AuthRateLimitGuard } from './http/auth-rate-limit.guard.js';
export { MatchedLatency, type TimedAnswer } from './auth/matched-latency.js';
export { RedisThrottlerStorage } from './http/redis-throttler.storage.js';
export { IdParam } from './http/id-param.js';
export {
  RequirePermission,
  Authenticated,
  AllowedBeforeMfaEnrollment,
  AuthRateLimited,
  CurrentUser,
  REQUIRED_PERMISSIONS,
  ANY_AUTHENTICATED,
  ALLOWED_BEFORE_MFA_ENROLLMENT,
} from './access/decorators.js';
export {
  ROLES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  MFA_MANDATORY_ROLES,
  roleHas,
  permissionsOf,
  isRole,
  type Role,
  type Permission,
} from './access/permissions.js';
export type { Principal, SessionMfaState } from './access/principal.js';
export { AUTH_CLOCK, IDENTITY_POLICY, SystemClock, type Clock } from './identity.constants.js';
export { passwordProblem, MIN_PASSWORD_LENGTH } from './passwords/password-policy.js';
export type { TokenPair } from './sessions/session.service.js';
export { readPracticeSettings, type PracticeSettings } from './practice/practice-settings.js';
export {
  practiceSettingsFor,
  practicesWithInboxSweep,
  practicesForRetention,
  type PracticeRetention,
} from './practice/practice.repository.js';
export {
  MIN_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
  CONSENT_EVIDENCE_YEARS,
  retentionSchema,
  type Retention,
} from './practice/retention.js';
export { purgeEndedSessions } from './sessions/session.repository.js';
export { purgeLapsedInvites } from './users/invite.repository.js';
export { purgeExpiredResetTokens } from './recovery/password-reset.repository.js';
export {
  type BusinessHours,
  type StoredBusinessHours,
  type OpeningRange,
  type Closure,
  type Weekday,
  WEEKDAYS,
  minutesOf,
  businessHoursSchema,
} from './practice/business-hours.js';
export { isTimeZone } from './practice/time-zone.js';
export { IdentityError, IdentityErrorCode } from './identity.errors.js';
export { identityHttpErrors } from './http/identity-http-errors.js';
export { IDENTITY_ENTITIES } from './identity.entities.js';
