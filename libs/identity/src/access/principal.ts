import type { Role } from './permissions.js';

export type SessionMfaState = 'passed' | 'not_required' | 'enrollment_required';

/** Who is calling, after the access guard has checked token, session and user. */
export interface Principal {
  userId: string;
  tenantId: string;
  sessionId: string;
  role: Role;
  /** The session may only reach `/v1/me` and `/v1/auth/*` until the user enrols in MFA. */
  mfaEnrollmentRequired: boolean;
}
