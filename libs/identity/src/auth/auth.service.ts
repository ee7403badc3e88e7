import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type ApiConfig } from '@app/config';
import { KeyRingService, normalizeEmail } from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import { AppError } from '@app/observability';
import { MFA_MANDATORY_ROLES } from '../access/permissions.js';
import type { Principal } from '../access/principal.js';
import { AUTH_CLOCK, type Clock, IDENTITY_POLICY } from '../identity.constants.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { PracticeSettingsRepository } from '../practice/practice-settings.js';
import { SessionService, type TokenPair } from '../sessions/session.service.js';
import { LoginDirectory } from '../users/login-directory.js';
import { type UserCredentials, UserRepository } from '../users/user.repository.js';
import { accountLocked, emailTaken, invalidCredentials, invalidMfaCode } from './auth.errors.js';
import { JwtTokens } from './jwt-tokens.service.js';
import { MfaService } from './mfa.service.js';

export interface SignupInput {
  practiceName: string;
  name: string;
  email: string;
  password: string;
}

export type LoginResult = TokenPair | { mfaRequired: true; mfaToken: string };

type Outcome<T> = { value: T } | { error: AppError };

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
    private readonly settings: PracticeSettingsRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly mfa: MfaService,
    private readonly jwt: JwtTokens,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<ApiConfig, 'ALLOW_SIGNUP'>,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  /** A new practice with its key ring and its owner, in one transaction. */
  async signup(input: SignupInput): Promise<{ practiceId: string; userId: string }> {
    if (!this.config.ALLOW_SIGNUP)
      throw new AppError(403, 'signup_disabled', 'Self-service signup is disabled on this deployment');
    const email = normalizeEmail(input.email);
    if (!email) throw AppError.validation([{ path: 'email', message: 'must be an email address' }]);
    const passwordHash = await this.hasher.hash(input.password);
    const practiceId = randomUUID();
    const userId = randomUUID();
    // The practices policy is `id = app_current_tenant()`: the new id is the transaction's tenant.
    await this.db.forTenant(practiceId, async (tx) => {
      await tx.execute(`INSERT INTO practices (id, name) VALUES ($1, $2)`, [
        practiceId,
        input.practiceName.trim(),
      ]);
      await this.keys.createTenantKeys(tx);
      const user = await this.users.insert(tx, {
        id: userId,
        email: input.email.trim(),
        emailNormalized: email,
        name: input.name.trim(),
        role: 'owner',
        passwordHash,
      });
      if (!user || !(await this.directory.register(tx, email, userId))) throw emailTaken();
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
    return { practiceId, userId };
  }

  /** Password step. Unknown email, wrong password and inactive account answer alike, in alike time. */
  async login(input: { email: string; password: string }): Promise<LoginResult> {
    const email = normalizeEmail(input.email);
    const entry = email ? await this.directory.find(email) : null;
    if (!entry) {
      await this.hasher.verifyNothing(input.password);
      // No tenant to audit in; a PHI-free line for metrics and alerting instead.
      this.logger.warn(
        { event: 'auth.login', outcome: 'failure', reason: 'unknown_account' },
        'Login refused',
      );
      throw invalidCredentials();
    }
    const user = await this.db.forTenant(entry.tenantId, (tx) => this.users.credentials(tx, entry.userId));
    if (!user) {
      await this.hasher.verifyNothing(input.password);
      throw invalidCredentials();
    }
    const now = this.clock.now();
    if (user.lockedUntil && user.lockedUntil.getTime() > now) {
      await this.recordNow(entry.tenantId, user.id, 'auth.login', 'failure', { reason: 'locked' });
      throw accountLocked(user.lockedUntil, now);
    }
    const passwordOk = user.passwordHash
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.hasher.verifyNothing(input.password);

    const outcome = await this.db.forTenant(entry.tenantId, async (tx): Promise<Outcome<LoginResult>> => {
      if (!passwordOk) {
        const reason = user.passwordHash ? 'invalid_password' : 'no_password_set';
        return { error: await this.failure(tx, user, 'auth.login', reason) };
      }
      if (!user.active) {
        this.audit.record(tx, loginEvent(user.id, 'auth.login', 'failure', { reason: 'inactive' }));
        return { error: invalidCredentials() };
      }
      if (user.mfaEnabled) {
        // The failure counter is reset only once the second factor passes too.
        this.audit.record(tx, loginEvent(user.id, 'auth.login', 'success', { next: 'mfa' }));
        const mfaToken = this.jwt.signMfa({ sub: user.id, tid: tx.tenantId, ver: user.tokenVersion });
        return { value: { mfaRequired: true, mfaToken } };
      }
      await this.users.recordLogin(tx, user.id, new Date(now));
      const { mfaRequiredForAllRoles } = await this.settings.get(tx);
      const mustEnrol = MFA_MANDATORY_ROLES.has(user.role) || mfaRequiredForAllRoles;
      this.audit.record(
        tx,
        loginEvent(user.id, 'auth.login', 'success', mustEnrol ? { next: 'mfa_enrollment' } : {}),
      );
      return {
        value: await this.sessions.open(tx, user, mustEnrol ? 'enrollment_required' : 'not_required'),
      };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  /** MFA step: a TOTP code (each usable once) or a single-use recovery code. */
  async completeMfa(input: { mfaToken: string; code: string }): Promise<TokenPair> {
    const claims = this.jwt.verifyMfa(input.mfaToken);
    const outcome = await this.db.forTenant(claims.tid, async (tx): Promise<Outcome<TokenPair>> => {
      const user = await this.users.credentials(tx, claims.sub, true);
      if (!user || !user.active || user.tokenVersion !== claims.ver)
        return {
          error: new AppError(401, 'invalid_mfa_token', 'The MFA step is no longer valid; sign in again'),
        };
      const now = this.clock.now();
      if (user.lockedUntil && user.lockedUntil.getTime() > now) {
        this.audit.record(tx, loginEvent(user.id, 'auth.mfa', 'failure', { reason: 'locked' }));
        return { error: accountLocked(user.lockedUntil, now) };
      }
      const check = await this.mfa.verify(tx, user, input.code);
      if (!check.ok)
        return { error: await this.failure(tx, user, 'auth.mfa', check.reason, invalidMfaCode()) };
      await this.users.recordLogin(tx, user.id, new Date(now));
      this.audit.record(tx, loginEvent(user.id, 'auth.mfa', 'success', { method: check.method }));
      if (check.method === 'recovery_code')
        this.audit.record(tx, loginEvent(user.id, 'auth.recovery_code_used', 'success', {}));
      return { value: await this.sessions.open(tx, user, 'passed') };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
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
        if (!recoveryCodes) return { error: invalidMfaCode(422) };
        this.sessions.userChanged(tx, user.id);
        await this.sessions.revoke(tx, [principal.sessionId], 'mfa_enrolled');
        const pair = await this.sessions.open(tx, { ...user, mfaEnabled: true }, 'passed');
        return { value: { recoveryCodes, ...pair } };
      },
    );
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  /** Counts a failed attempt; answers 423 if this one locked the account. */
  private async failure(
    tx: TenantTx,
    user: UserCredentials,
    action: 'auth.login' | 'auth.mfa',
    reason: string,
    otherwise: AppError = invalidCredentials(),
  ): Promise<AppError> {
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
      return accountLocked(result.lockedUntil, now);
    }
    return otherwise;
  }

  private recordNow(
    tenantId: string,
    userId: string,
    action: string,
    outcome: 'success' | 'failure',
    metadata: Record<string, string | number>,
  ): Promise<void> {
    return this.audit.recordNow(tenantId, loginEvent(userId, action, outcome, metadata));
  }

  private async currentUser(tx: TenantTx, principal: Principal): Promise<UserCredentials> {
    const user = await this.users.credentials(tx, principal.userId, true);
    if (!user) throw new AppError(401, 'session_revoked', 'This session is no longer valid; sign in again');
    return user;
  }
}

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
