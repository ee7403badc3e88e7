import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb, type TenantTx } from '@app/database';
import { requestContext } from '@app/observability';
import { IdentityError, IdentityErrorCode, sessionExpired, sessionRevoked } from '../identity.errors.js';
import { MFA_MANDATORY_ROLES } from '../access/permissions.js';
import type { Principal, SessionMfaState } from '../access/principal.js';
import { AuthFailures } from '../auth/auth-failures.js';
import { type AccessClaims, JwtTokens } from '../auth/jwt-tokens.service.js';
import { newOpaqueToken, parseOpaqueToken, sha256 } from '../auth/tokens.js';
import { AUTH_CLOCK, type Clock, IDENTITY_POLICY } from '../identity.constants.js';
import { PracticeRepository } from '../practice/practice.repository.js';
import type { User } from '../users/user.repository.js';
import { UserRepository } from '../users/user.repository.js';
import { type CachedSession, type CachedUser, type CheckResult, SessionCache } from './session-cache.js';
import { type RevokeReason, type Session, SessionRepository } from './session.repository.js';

/** What login, MFA and refresh answer. */
export interface TokenPair {
  tokenType: 'Bearer';
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Present (true) when the session may only reach `/v1/me` and `/v1/auth/*` until MFA enrolment. */
  mfaEnrollmentRequired?: true;
}

type Gate = CheckResult | { status: 'revoked' };

interface AdmissionPolicy {
  idleMs: number;
  mfaRequiredForAllRoles: boolean;
}

/**
 * Sessions: opening one (login), rotating its refresh token, ending it, and admitting each request.
 * Admission reads Redis (one round trip); the database is the source of truth and the fallback.
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly db: TenantDb,
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly practices: PracticeRepository,
    private readonly cache: SessionCache,
    private readonly jwt: JwtTokens,
    private readonly audit: AuditService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    private readonly failures: AuthFailures,
  ) {}

  /** A new session (refresh-token family) for a user who has just proved who they are. */
  async open(tx: TenantTx, user: User, mfaState: SessionMfaState): Promise<TokenPair> {
    const now = new Date(this.clock.now());
    const ctx = requestContext.get();
    const session = await this.sessions.create(tx, {
      userId: user.id,
      mfaState,
      now,
      expiresAt: new Date(now.getTime() + IDENTITY_POLICY.sessionMaxMs),
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    return this.issue(tx, session, user, await this.admissionPolicy(tx), now);
  }

  /** Rotates a refresh token. A spent token presented again revokes its whole session. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    try {
      return await this.rotate(refreshToken);
    } catch (err) {
      if (err instanceof IdentityError) this.failures.count('refresh', err.code);
      throw err;
    }
  }

  private async rotate(refreshToken: string): Promise<TokenPair> {
    const parsed = parseOpaqueToken('rt', refreshToken);
    if (!parsed) throw invalidRefresh();
    const now = new Date(this.clock.now());
    const seenInCache = await this.cache.seenAt(parsed.tenantId, parsed.id).catch(() => null);
    const outcome = await this.db.forTenant(parsed.tenantId, async (tx) => {
      const session = await this.sessions.get(tx, parsed.id, true);
      const token = session && (await this.sessions.findRefreshToken(tx, session.id, sha256(parsed.secret)));
      if (!session || !token) return { error: invalidRefresh() };
      const actor = { type: 'user' as const, id: session.userId };
      const target = { type: 'session', id: session.id };
      if (token.spent_at) {
        await this.revoke(tx, [session.id], 'refresh_reuse');
        this.audit.record(tx, { action: 'auth.refresh_reuse', outcome: 'denied', actor, target });
        return {
          error: new IdentityError(
            IdentityErrorCode.RefreshTokenReused,
            'This refresh token was already used; sign in again',
          ),
        };
      }
      if (session.revokedAt) return { error: sessionRevoked() };
      if (session.expiresAt <= now) return { error: sessionExpired() };
      const policy = await this.admissionPolicy(tx);
      const lastSeen = Math.max(session.lastSeenAt.getTime(), seenInCache ?? 0);
      if (now.getTime() - lastSeen > policy.idleMs) {
        await this.endIdle(tx, session);
        return { error: sessionExpired() };
      }
      const user = await this.users.get(tx, session.userId);
      if (!user?.active) return { error: sessionRevoked() };
      await this.sessions.spendRefreshToken(tx, token.id, now);
      this.audit.record(tx, { action: 'auth.refresh', actor, target });
      return { pair: await this.issue(tx, session, user, policy, now) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.pair;
  }

  /**
   * Ends sessions in the transaction. Cached state is dropped before COMMIT (if Redis cannot be
   * told, the revocation does not commit either) and again after it (a request that reloaded the
   * old state in between must not keep it).
   */
  async revoke(tx: TenantTx, sessionIds: string[], reason: RevokeReason): Promise<string[]> {
    const now = new Date(this.clock.now());
    const revoked: string[] = [];
    for (const id of sessionIds) if (await this.sessions.revoke(tx, id, reason, now)) revoked.push(id);
    this.forgetAroundCommit(tx, { sessionIds });
    return revoked;
  }

  /** Ends every session of a user (deactivation). */
  async revokeAllOfUser(tx: TenantTx, userId: string, reason: RevokeReason): Promise<string[]> {
    const ids = await this.sessions.revokeAllOfUser(tx, userId, reason, new Date(this.clock.now()));
    this.forgetAroundCommit(tx, { sessionIds: ids, userIds: [userId] });
    return ids;
  }

  /** The user's role, status or MFA changed: every instance must see it on the next request. */
  userChanged(tx: TenantTx, userId: string): void {
    this.forgetAroundCommit(tx, { userIds: [userId] });
  }

  /**
   * A practice turned MFA for every role on or off: every user's cached state carries the policy,
   * so dropping it makes each live session re-read it on its next request.
   */
  async mfaPolicyChanged(tx: TenantTx): Promise<void> {
    const userIds = (await this.users.list(tx)).map((u) => u.id);
    this.forgetAroundCommit(tx, { userIds });
  }

  /** A practice changed its idle timeout: applies to live sessions from their next request. */
  async idleTimeoutChanged(tx: TenantTx, idleTimeoutMinutes: number): Promise<void> {
    const ids = await this.sessions.liveIdsOfTenant(tx, new Date(this.clock.now()));
    const tenantId = tx.tenantId;
    tx.afterCommit(() =>
      this.background(this.cache.setIdle(tenantId, ids, idleTimeoutMinutes * 60_000), 'set idle'),
    );
  }

  /** Admits a request whose JWT verified: the session is live and not idle, the user active and current. */
  async admit(claims: AccessClaims): Promise<Principal> {
    const now = this.clock.now();
    let gate: Gate = await this.cache.check(claims.tid, claims.sid, claims.sub, now).catch((err: unknown) => {
      this.logger.warn(
        { err: { name: (err as Error).name } },
        'Session cache unavailable; reading the database',
      );
      return { status: 'miss' as const };
    });
    if (gate.status === 'miss') gate = await this.reload(claims, now);
    if (gate.status === 'idle') {
      await this.db.forTenant(claims.tid, async (tx) => {
        const session = await this.sessions.get(tx, claims.sid, true);
        if (session && !session.revokedAt) await this.endIdle(tx, session);
      });
      throw sessionExpired();
    }
    if (gate.status === 'expired') throw sessionExpired();
    if (gate.status !== 'ok') throw sessionRevoked();
    const { session, user } = gate;
    if (session.userId !== claims.sub || session.tenantId !== claims.tid) throw sessionRevoked();
    if (!user.active || user.tokenVersion !== claims.ver) throw sessionRevoked();
    if (now - session.dbSeenAt >= IDENTITY_POLICY.lastSeenWriteEveryMs) this.persistSeen(claims, now);
    return {
      userId: claims.sub,
      tenantId: claims.tid,
      sessionId: claims.sid,
      role: user.role,
      mfaEnrollmentRequired: enrollmentRequired(session.mfa, user),
    };
  }

  private async issue(
    tx: TenantTx,
    session: Session,
    user: User,
    policy: AdmissionPolicy,
    now: Date,
  ): Promise<TokenPair> {
    const { token, hash } = newOpaqueToken('rt', tx.tenantId, session.id);
    await this.sessions.addRefreshToken(tx, session.id, hash, now);
    await this.sessions.touch(tx, session.id, now);
    const accessToken = this.jwt.signAccess({
      sub: user.id,
      tid: tx.tenantId,
      sid: session.id,
      ver: user.tokenVersion,
    });
    const cached: CachedSession = {
      userId: user.id,
      tenantId: tx.tenantId,
      seenAt: now.getTime(),
      idleMs: policy.idleMs,
      expiresAt: session.expiresAt.getTime(),
      mfa: session.mfaState,
      dbSeenAt: now.getTime(),
    };
    const admitted = cachedUser(user, policy);
    tx.afterCommit(() => this.background(this.cache.put(session.id, cached, user.id, admitted), 'put'));
    const restricted = enrollmentRequired(session.mfaState, admitted);
    return {
      tokenType: 'Bearer',
      accessToken,
      refreshToken: token,
      expiresIn: IDENTITY_POLICY.accessTokenSeconds,
      ...(restricted ? { mfaEnrollmentRequired: true as const } : {}),
    };
  }

  /** Redis had nothing: decide from the database and warm the cache. */
  private async reload(claims: AccessClaims, now: number): Promise<Gate> {
    return this.db.forTenant(claims.tid, async (tx): Promise<Gate> => {
      const session = await this.sessions.get(tx, claims.sid);
      if (!session || session.revokedAt || session.userId !== claims.sub) return { status: 'revoked' };
      if (session.expiresAt.getTime() <= now) return { status: 'expired' };
      const policy = await this.admissionPolicy(tx);
      const idleMs = policy.idleMs;
      if (now - session.lastSeenAt.getTime() > idleMs) return { status: 'idle' };
      const user = await this.users.get(tx, session.userId);
      if (!user) return { status: 'revoked' };
      const cached: CachedSession = {
        userId: session.userId,
        tenantId: tx.tenantId,
        seenAt: now,
        idleMs,
        expiresAt: session.expiresAt.getTime(),
        mfa: session.mfaState,
        dbSeenAt: session.lastSeenAt.getTime(),
      };
      const admitted = cachedUser(user, policy);
      await this.cache.put(session.id, cached, user.id, admitted).catch(() => undefined);
      return { status: 'ok', session: cached, user: admitted };
    });
  }

  /** The practice settings that admission depends on. */
  private async admissionPolicy(tx: TenantTx): Promise<AdmissionPolicy> {
    const { idleTimeoutMinutes, mfaRequiredForAllRoles } = await this.practices.settings(tx);
    return { idleMs: idleTimeoutMinutes * 60_000, mfaRequiredForAllRoles };
  }

  private async endIdle(tx: TenantTx, session: Session): Promise<void> {
    const [revoked] = await this.revoke(tx, [session.id], 'idle_timeout');
    if (revoked)
      this.audit.record(tx, {
        action: 'auth.session_idle_timeout',
        actor: { type: 'user', id: session.userId },
        target: { type: 'session', id: session.id },
      });
  }

  /** The database's copy of last activity, written at most about once a minute, off the request path. */
  private persistSeen(claims: AccessClaims, now: number): void {
    const write = async () => {
      await this.cache.markDbSeen(claims.tid, claims.sid, now);
      await this.db.forTenant(claims.tid, (tx) => this.sessions.touch(tx, claims.sid, new Date(now)));
    };
    this.background(write(), 'persist last activity');
  }

  private forgetAroundCommit(tx: TenantTx, what: { sessionIds?: string[]; userIds?: string[] }): void {
    const tenantId = tx.tenantId;
    tx.beforeCommit(() => this.cache.forget(tenantId, what));
    tx.afterCommit(() => this.background(this.cache.forget(tenantId, what), 'forget'));
  }

  private background(work: Promise<unknown>, what: string): void {
    work.catch((err: unknown) =>
      this.logger.warn({ err: { name: (err as Error).name } }, `Session cache ${what} failed`),
    );
  }
}

function cachedUser(user: User, policy: AdmissionPolicy): CachedUser {
  return {
    active: user.active,
    tokenVersion: user.tokenVersion,
    role: user.role,
    mfaEnabled: user.mfaEnabled,
    practiceRequiresMfa: policy.mfaRequiredForAllRoles,
  };
}

/**
 * Whether a session may only reach `/v1/me` and `/v1/auth/*`: it was opened pending enrolment,
 * or its user has no MFA while their role or (as of now, not as of login) their practice needs it.
 */
function enrollmentRequired(sessionMfa: SessionMfaState, user: CachedUser): boolean {
  if (sessionMfa === 'enrollment_required') return true;
  return !user.mfaEnabled && (MFA_MANDATORY_ROLES.has(user.role) || user.practiceRequiresMfa);
}

function invalidRefresh(): IdentityError {
  return new IdentityError(
    IdentityErrorCode.InvalidRefreshToken,
    'The refresh token is not valid; sign in again',
  );
}
