/** Wall clock for every time-based identity decision (lockout, idle logoff, TOTP, expiries); tests move it. */
export interface Clock {
  now(): number;
}

export const AUTH_CLOCK = Symbol('AUTH_CLOCK');

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/** Policy numbers in one place (HIPAA-minded defaults). */
export const IDENTITY_POLICY = {
  accessTokenSeconds: 15 * 60,
  mfaTokenSeconds: 5 * 60,
  /** Absolute lifetime of a session (its refresh-token family), however active. */
  sessionMaxMs: 12 * 60 * 60 * 1000,
  /** Practice default; `PATCH /v1/practice/settings` changes it per practice. */
  defaultIdleTimeoutMinutes: 15,
  lockoutThreshold: 5,
  lockoutMs: 15 * 60 * 1000,
  inviteMs: 7 * 24 * 60 * 60 * 1000,
  recoveryCodeCount: 10,
  /** A forgot-password link works once, for this long. */
  passwordResetMs: 30 * 60 * 1000,
  /** Reset emails one account may be sent per window (more requests answer the same 202, send nothing). */
  passwordResetLimit: { count: 3, windowMs: 60 * 60 * 1000 },
  /** The DB copy of a session's last activity is rewritten at most this often (Redis has the exact one). */
  lastSeenWriteEveryMs: 60 * 1000,
  /** Per client IP and route under /v1/auth. */
  authRateLimit: { limit: 30, windowMs: 60 * 1000 },
} as const;

export const JWT_ISSUER = 'consent-inbox';
export const ACCESS_AUDIENCE = 'inbox-api';
export const MFA_AUDIENCE = 'inbox-mfa';
