import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type ApiConfig } from '@app/config';
import { KeyRingService, normalizeEmail } from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import { MFA_MANDATORY_ROLES } from '../access/permissions.js';
import type { Principal } from '../access/principal.js';
import { AUTH_CLOCK, type Clock, IDENTITY_POLICY } from '../identity.constants.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { assertPasswordFitsAccount, passwordProblem } from '../passwords/password-policy.js';
import { PasswordResetRepository } from '../recovery/password-reset.repository.js';
import { PracticeRepository } from '../practice/practice.repository.js';
import { SessionRepository } from '../sessions/session.repository.js';
import { SessionService, type TokenPair } from '../sessions/session.service.js';
import { LoginDirectory } from '../users/login-directory.repository.js';
import { type UserCredentials, UserRepository } from '../users/user.repository.js';
import {
  accountLocked,
  IdentityError,
  IdentityErrorCode as E,
  invalidCredentials,
  invalidMfaCode,
  invalidMfaEnrolmentCode,
  sessionRevoked,
} from '../identity.errors.js';
import { AuthFailures } from './auth-failures.js';
import { JwtTokens } from './jwt-tokens.service.js';
import { MatchedLatency } from './matched-latency.js';
import { MfaService } from './mfa.service.js';

export interface SignupInput {
  practiceName: string;
  name: string;
  email: string;
  password: string;
}

export type LoginResult = TokenPair | { mfaRequired: true; mfaToken: string };

type Outcome<T> = { value: T } | { error: IdentityError };
/** A sign-in step's outcome; a refusal says why (the `inbox_auth_failures_total` reason). */
type StepOutcome<T> = { value: T } | { error: IdentityError; reason: string };

/** Signup met an email that already has an account: rolls the practice back, answered as created. */
class EmailAlreadyRegistered extends Error {}

/**
 * Staff sign-in: signup, password step, MFA step, logout, MFA enrolment. Failures that must be
 * remembered (failure counters, lockouts, audit events) commit first; the error is thrown after.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly db: TenantDb,
    private readonly directory: LoginDirectory,
    private readonly users: UserRepository,
    private readonly practices: PracticeRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly mfa: MfaService,
    private readonly jwt: JwtTokens,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    private readonly latency: MatchedLatency,
    @Inject(APP_CONFIG) private readonly config: Pick<ApiConfig, 'ALLOW_SIGNUP'>,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    private readonly failures: AuthFailures,
    private readonly sessionRows: SessionRepository,
    private readonly resets: PasswordResetRepository,
  ) {}

  /**
   * A new practice with its key ring and its owner, in one transaction. An email that already has
   * an account gets the same answer (fresh ids that name nothing) and creates nothing, in matched
   * time: self-service signup must not tell strangers which emails have accounts. The holder of
   * that email simply signs in with the password they already have.
   */
  async signup(input: SignupInput): Promise<{ practiceId: string; userId: string }> {
    if (!this.config.ALLOW_SIGNUP)
      throw new IdentityError(E.SignupDisabled, 'Self-service signup is disabled on this deployment');
    const email = normalizeEmail(input.email);
    if (!email) throw IdentityError.validation('email', 'must be an email address');
    assertPasswordFitsAccount(input.password, email);
    const startedAt = this.latency.start();
    const passwordHash = await this.hasher.hash(input.password);
    const practiceId = randomUUID();
    const userId = randomUUID();
    const created = await this.createPractice(input, email, passwordHash, practiceId, userId);
    if (created) {
      this.latency.record('signup', startedAt);
    } else {
      // No tenant to audit in; a PHI-free line for operators instead.
      this.logger.warn({ event: 'auth.signup', outcome: 'refused', reason: 'email_taken' }, 'Signup refused');
      await this.latency.matchTo('signup', startedAt);
    }
    return { practiceId, userId };
  }

  /** False (and nothing written) when the email already has an account. */
  private async createPractice(
    input: SignupInput,
    email: string,
    passwordHash: string,
    practiceId: string,
    userId: string,
  ): Promise<boolean> {
    try {
      // The practices policy is `id = app_current_tenant()`: the new id is the transaction's tenant.
      await this.db.forTenant(practiceId, async (tx) => {
        await this.practices.create(tx, input.practiceName.trim());
        await this.keys.createTenantKeys(tx);
        const user = await this.users.insert(tx, {
          id: userId,
          email: input.email.trim(),
          emailNormalized: email,
          name: input.name.trim(),
          role: 'owner',
          passwordHash,
        });
        const now = new Date(this.clock.now());
        if (!user || !(await this.directory.claim(tx, email, userId, now, null)))
          throw new EmailAlreadyRegistered();
        const actor = { type: 'user' as const, id: userId };
        this.audit.record(tx, {
          action: 'practice.created',
          actor,
          target: { type: 'practice', id: practiceId },
        });
        this.audit.record(tx, {
          action: 'user.created',
          actor,
          target: { type: 'user', id: userId },
          metadata: { role: 'owner', via: 'signup' },
        });
      });
      return true;
    } catch (err) {
      if (err instanceof EmailAlreadyRegistered) return false;
      throw err;
    }
  }

  /**
   * Password step. Unknown email, wrong password and inactive account answer alike, in matched
   * time; so does a locked account, unless the password is right (only its owner learns of the lock).
   */
  async login(input: { email: string; password: string }): Promise<LoginResult> {
    const startedAt = this.latency.start();
    const email = normalizeEmail(input.email);
    const entry = email ? await this.directory.find(email) : null;
    const user = entry
      ? await this.db.forTenant(entry.tenantId, (tx) => this.users.credentials(tx, entry.userId))
      : null;
    if (!entry || !user) return this.refuseUnknownAccount(input.password, startedAt);
    const now = this.clock.now();
    const passwordOk = user.passwordHash
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.hasher.verifyNothing(input.password);

    const outcome = await this.db.forTenant(entry.tenantId, async (tx): Promise<StepOutcome<LoginResult>> => {
      if (user.lockedUntil && user.lockedUntil.getTime() > now) {
        // Attempts during a lock neither count nor extend it.
        this.audit.record(tx, loginEvent(user.id, 'auth.login', 'failure', { reason: 'locked' }));
        const ownerOfPassword = passwordOk && user.active;
        return {
          error: ownerOfPassword ? accountLocked(user.lockedUntil, now) : invalidCredentials(),
          reason: 'locked',
        };
      }
      if (!passwordOk) {
        const reason = user.passwordHash ? 'invalid_password' : 'no_password_set';
        return { error: await this.failure(tx, user, 'auth.login', reason), reason };
      }
      if (!user.active) {
        this.audit.record(tx, loginEvent(user.id, 'auth.login', 'failure', { reason: 'inactive' }));
        return { error: invalidCredentials(), reason: 'inactive' };
      }
      if (user.mfaEnabled) {
        // The failure counter is reset only once the second factor passes too.
        this.audit.record(tx, loginEvent(user.id, 'auth.login', 'success', { next: 'mfa' }));
        const mfaToken = this.jwt.signMfa({ sub: user.id, tid: tx.tenantId, ver: user.tokenVersion });
        return { value: { mfaRequired: true, mfaToken } };
      }
      await this.users.recordLogin(tx, user.id, new Date(now));
      const { mfaRequiredForAllRoles } = await this.practices.settings(tx);
      // An admin's MFA reset makes enrolment due whatever the role and the practice policy say.
      const mustEnrol =
        MFA_MANDATORY_ROLES.has(user.role) || mfaRequiredForAllRoles || user.mfaResetAt !== null;
      this.audit.record(
        tx,
        loginEvent(user.id, 'auth.login', 'success', mustEnrol ? { next: 'mfa_enrollment' } : {}),
      );
      return {
        value: await this.sessions.open(tx, user, mustEnrol ? 'enrollment_required' : 'not_required'),
      };
    });
    if ('error' in outcome) {
      this.failures.count('login', outcome.reason);
      if (outcome.error.code === 'invalid_credentials') this.latency.record('login_refusal', startedAt);
      throw outcome.error;
    }
    return outcome.value;
  }

  /**
   * No such account: the same argon2 work as a wrong password (a real verify against a dummy hash
   * made at boot with the same parameters), then as long as recent refusals of real accounts took
   * (their failure counting and audit writes are work this path has no reason to do).
   */
  private async refuseUnknownAccount(password: string, startedAt: number): Promise<never> {
    await this.hasher.verifyNothing(password);
    // No tenant to audit in; a PHI-free line for metrics and alerting instead.
    this.logger.warn({ event: 'auth.login', outcome: 'failure', reason: 'unknown_account' }, 'Login refused');
    this.failures.count('login', 'unknown_account');
    await this.latency.matchTo('login_refusal', startedAt);
    throw invalidCredentials();
  }

  /** MFA step: a TOTP code (each usable once) or a single-use recovery code. */
  async completeMfa(input: { mfaToken: string; code: string }): Promise<TokenPair> {
    const claims = this.mfaClaims(input.mfaToken);
    const outcome = await this.db.forTenant(claims.tid, async (tx): Promise<StepOutcome<TokenPair>> => {
      const user = await this.users.credentials(tx, claims.sub, true);
      if (!user || !user.active || user.tokenVersion !== claims.ver)
        return {
          error: new IdentityError(E.InvalidMfaToken, 'The MFA step is no longer valid; sign in again'),
          reason: 'stale_mfa_token',
        };
      const now = this.clock.now();
      if (user.lockedUntil && user.lockedUntil.getTime() > now) {
        this.audit.record(tx, loginEvent(user.id, 'auth.mfa', 'failure', { reason: 'locked' }));
        return { error: accountLocked(user.lockedUntil, now), reason: 'locked' };
      }
      const check = await this.mfa.verify(tx, user, input.code);
      if (!check.ok)
        return {
          error: await this.failure(tx, user, 'auth.mfa', check.reason, invalidMfaCode()),
          reason: check.reason,
        };
      await this.users.recordLogin(tx, user.id, new Date(now));
      this.audit.record(tx, loginEvent(user.id, 'auth.mfa', 'success', { method: check.method }));
      if (check.method === 'recovery_code')
        this.audit.record(tx, loginEvent(user.id, 'auth.recovery_code_used', 'success', {}));
      return { value: await this.sessions.open(tx, user, 'passed') };
    });
    if ('error' in outcome) {
      this.failures.count('mfa', outcome.reason);
      throw outcome.error;
    }
    return outcome.value;
  }

  /** The MFA step's token, verified (a forged or expired one is a refusal too). */
  private mfaClaims(mfaToken: string): ReturnType<JwtTokens['verifyMfa']> {
    try {
      return this.jwt.verifyMfa(mfaToken);
    } catch (err) {
      this.failures.count('mfa', 'invalid_mfa_token');
      throw err;
    }
  }

  async logout(principal: Principal): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.sessions.revoke(tx, [principal.sessionId], 'logout');
      this.audit.record(tx, { action: 'auth.logout', target: { type: 'session', id: principal.sessionId } });
    });
  }

  async mfaSetup(principal: Principal): Promise<{ secret: string; otpauthUrl: string }> {
    return this.db.transaction(async (tx) => this.mfa.setup(tx, await this.currentUser(tx, principal)));
  }

  /** Enrols MFA and swaps the caller's session for one that has passed MFA. */
  async mfaEnable(principal: Principal, code: string): Promise<TokenPair & { recoveryCodes: string[] }> {
    const outcome = await this.db.transaction(
      async (tx): Promise<Outcome<TokenPair & { recoveryCodes: string[] }>> => {
        const user = await this.currentUser(tx, principal);
        const recoveryCodes = await this.mfa.enable(tx, user, code);
        if (!recoveryCodes) return { error: invalidMfaEnrolmentCode() };
        this.sessions.userChanged(tx, user.id);
        await this.sessions.revoke(tx, [principal.sessionId], 'mfa_enrolled');
        const pair = await this.sessions.open(tx, { ...user, mfaEnabled: true }, 'passed');
        return { value: { recoveryCodes, ...pair } };
      },
    );
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  /**
   * A signed-in user changes their password, proving the current one. A wrong one counts towards
   * the lockout like a wrong password at login (a stolen session cannot guess at leisure; the route
   * is also rate limited per address). Every other session of the user ends; the caller's stays
   * (it just proved the password). Live reset links die too.
   */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const before = await this.db.transaction((tx) => this.currentUser(tx, principal, false));
    const currentOk = before.passwordHash
      ? await this.hasher.verify(before.passwordHash, currentPassword)
      : await this.hasher.verifyNothing(currentPassword);
    if (currentOk) {
      if (newPassword === currentPassword)
        throw IdentityError.validation('newPassword', 'must differ from the current password');
      const problem = passwordProblem(newPassword, { email: before.email });
      if (problem) throw IdentityError.validation('newPassword', problem);
    }
    const passwordHash = currentOk ? await this.hasher.hash(newPassword) : null;
    const outcome = await this.db.transaction(async (tx): Promise<Outcome<void>> => {
      const user = await this.currentUser(tx, principal);
      const now = this.clock.now();
      if (user.lockedUntil && user.lockedUntil.getTime() > now) {
        this.audit.record(tx, loginEvent(user.id, 'auth.password_change', 'failure', { reason: 'locked' }));
        return { error: accountLocked(user.lockedUntil, now) };
      }
      // A password changed since it was checked (a concurrent change or reset) is not the current one.
      if (!passwordHash || user.passwordHash !== before.passwordHash) {
        const error = await this.failure(
          tx,
          user,
          'auth.password_change',
          'invalid_password',
          invalidCurrentPassword(),
        );
        return { error };
      }
      await this.users.setPassword(tx, user.id, passwordHash, new Date(now));
      await this.resets.revokeLive(tx, user.id, new Date(now));
      const others = (await this.sessionRows.listLive(tx, user.id, new Date(now)))
        .map((s) => s.id)
        .filter((id) => id !== principal.sessionId);
      const ended = await this.sessions.revoke(tx, others, 'password_changed');
      this.audit.record(
        tx,
        loginEvent(user.id, 'auth.password_changed', 'success', { sessionsEnded: ended.length }),
      );
      return { value: undefined };
    });
    if ('error' in outcome) {
      this.failures.count('password_change', outcome.error.code);
      throw outcome.error;
    }
  }

  /**
   * New recovery codes (the old ones stop working), confirmed with a current TOTP code: a code
   * from the authenticator proves the second factor is still in hand, which a stolen session or
   * password alone does not. A wrong code counts towards the lockout like one at the MFA step.
   */
  async regenerateRecoveryCodes(principal: Principal, code: string): Promise<{ recoveryCodes: string[] }> {
    const outcome = await this.db.transaction(async (tx): Promise<Outcome<{ recoveryCodes: string[] }>> => {
      const user = await this.currentUser(tx, principal);
      if (!user.mfaEnabled)
        return { error: new IdentityError(E.MfaNotEnabled, 'MFA is not enabled for this user') };
      const now = this.clock.now();
      if (user.lockedUntil && user.lockedUntil.getTime() > now)
        return { error: accountLocked(user.lockedUntil, now) };
      const check = await this.mfa.verify(tx, user, code);
      if (!check.ok || check.method !== 'totp') {
        const error = await this.failure(
          tx,
          user,
          'auth.recovery_codes',
          check.ok ? 'not_totp' : check.reason,
          invalidMfaConfirmation(),
        );
        return { error };
      }
      const recoveryCodes = await this.mfa.regenerateRecoveryCodes(tx, user.id);
      this.audit.record(tx, loginEvent(user.id, 'auth.recovery_codes_regenerated', 'success', {}));
      return { value: { recoveryCodes } };
    });
    if ('error' in outcome) {
      this.failures.count('mfa', outcome.error.code);
      throw outcome.error;
    }
    return outcome.value;
  }

  /**
   * Counts a failed attempt. The MFA step and the signed-in checks (change of password, new
   * recovery codes) answer 423 if this one locked the account (their caller proved the password or
   * holds a session); the password step answers `otherwise`, like any wrong password.
   */
  private async failure(
    tx: TenantTx,
    user: UserCredentials,
    action: 'auth.login' | 'auth.mfa' | 'auth.password_change' | 'auth.recovery_codes',
    reason: string,
    otherwise: IdentityError = invalidCredentials(),
  ): Promise<IdentityError> {
    const now = this.clock.now();
    const result = await this.users.recordFailure(
      tx,
      user.id,
      new Date(now),
      IDENTITY_POLICY.lockoutThreshold,
      new Date(now + IDENTITY_POLICY.lockoutMs),
    );
    this.audit.record(
      tx,
      loginEvent(user.id, action, 'failure', { reason, failedAttempts: result.failedCount }),
    );
    if (result.lockedUntil && result.lockedUntil.getTime() > now) {
      this.audit.record(
        tx,
        loginEvent(user.id, 'auth.lockout', 'denied', { failedAttempts: result.failedCount }),
      );
      if (action !== 'auth.login') return accountLocked(result.lockedUntil, now);
    }
    return otherwise;
  }

  private async currentUser(tx: TenantTx, principal: Principal, lock = true): Promise<UserCredentials> {
    const user = await this.users.credentials(tx, principal.userId, lock);
    if (!user) throw sessionRevoked();
    return user;
  }
}

const invalidCurrentPassword = () =>
  new IdentityError(E.InvalidCurrentPassword, 'The current password is not correct');
const invalidMfaConfirmation = () =>
  new IdentityError(
    E.InvalidMfaConfirmation,
    'The code is not valid (a current code from the authenticator app)',
  );

function loginEvent(
  userId: string,
  action: string,
  outcome: 'success' | 'failure' | 'denied',
  metadata: Record<string, string | number>,
) {
  return {
    action,
    outcome,
    actor: { type: 'user' as const, id: userId },
    target: { type: 'user', id: userId },
    metadata,
  };
}
