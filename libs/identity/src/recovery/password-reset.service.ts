import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { normalizeEmail } from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import { MatchedLatency } from '../auth/matched-latency.js';
import { newOpaqueToken, parseOpaqueToken, sameHash, sha256 } from '../auth/tokens.js';
import { IdentityError, IdentityErrorCode as E } from '../identity.errors.js';
import { AUTH_CLOCK, type Clock, IDENTITY_POLICY } from '../identity.constants.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { assertPasswordFitsAccount } from '../passwords/password-policy.js';
import { SessionService } from '../sessions/session.service.js';
import { LoginDirectory } from '../users/login-directory.repository.js';
import { UserRepository } from '../users/user.repository.js';
import { AccountEmails, passwordResetEmail } from './account-emails.js';
import { PasswordResetRepository } from './password-reset.repository.js';

const invalidResetToken = () =>
  new IdentityError(E.InvalidResetToken, 'The reset link is not valid, was already used or has expired');

type ParsedToken = NonNullable<ReturnType<typeof parseOpaqueToken>>;

/**
 * Forgot-password by email. The request always answers the same (202), in matched time: an
 * unknown email, an inactive or invited account, or an account over its email limit takes as long
 * as an account that is sent a link (`MatchedLatency`), and the email itself leaves after the
 * answer. The link's token is single use, lives 30 minutes, is stored as a hash, and a newer
 * request revokes the older ones. A reset ends every session of the user; it does not touch MFA
 * (an enrolled user still needs their second factor to sign in).
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly db: TenantDb,
    private readonly directory: LoginDirectory,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly emails: AccountEmails,
    private readonly audit: AuditService,
    private readonly latency: MatchedLatency,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  async forgot(rawEmail: string): Promise<void> {
    const startedAt = this.latency.start();
    const email = normalizeEmail(rawEmail);
    const entry = email ? await this.directory.find(email) : null;
    const sent = entry
      ? await this.db.forTenant(entry.tenantId, (tx) => this.issue(tx, entry.userId))
      : false;
    if (sent) {
      this.latency.record('password_forgot', startedAt);
      return;
    }
    // No tenant to audit in for an unknown email; a PHI-free line for operators instead.
    if (!entry)
      this.logger.log(
        { event: 'auth.password_reset_requested', outcome: 'unknown_account' },
        'Reset not sent',
      );
    await this.latency.matchTo('password_forgot', startedAt);
  }

  /** Issues a token and queues its email; false (audited) when this account is sent nothing. */
  private async issue(tx: TenantTx, userId: string): Promise<boolean> {
    const user = await this.users.credentials(tx, userId, true);
    if (!user) return false;
    const now = new Date(this.clock.now());
    const target = { type: 'user', id: user.id };
    const refuse = (reason: string) => {
      this.audit.record(tx, {
        action: 'auth.password_reset_requested',
        outcome: 'denied',
        actor: { type: 'user', id: user.id },
        target,
        metadata: { reason },
      });
      return false;
    };
    if (!user.active) return refuse('inactive');
    // An invited user sets a first password with their invitation, not a reset link.
    if (!user.passwordHash) return refuse('no_password_set');
    const { count, windowMs } = IDENTITY_POLICY.passwordResetLimit;
    if ((await this.resets.countSince(tx, user.id, new Date(now.getTime() - windowMs))) >= count)
      return refuse('too_many_requests');
    if (!this.emails.enabled) return refuse('email_not_configured');
    await this.resets.revokeLive(tx, user.id, now);
    const id = randomUUID();
    const { token, hash } = newOpaqueToken('pwr', tx.tenantId, id);
    const expiresAt = new Date(now.getTime() + IDENTITY_POLICY.passwordResetMs);
    await this.resets.insert(tx, {
      id,
      user_id: user.id,
      token_hash: hash,
      created_at: now,
      expires_at: expiresAt,
    });
    this.audit.record(tx, {
      action: 'auth.password_reset_requested',
      actor: { type: 'user', id: user.id },
      target,
      metadata: { resetId: id },
    });
    const content = passwordResetEmail(
      this.emails.link('/reset-password', token),
      IDENTITY_POLICY.passwordResetMs / 60_000,
    );
    tx.afterCommit(() => {
      this.emails.send({ kind: 'password_reset', to: user.email, id, tenantId: tx.tenantId, ...content });
    });
    return true;
  }

  /** Sets the new password with a reset token (single use) and ends every session of the user. */
  async reset(token: string, password: string): Promise<void> {
    const parsed = parseOpaqueToken('pwr', token);
    if (!parsed) throw invalidResetToken();
    // The password rules that need the account, and the slow hash, before any lock is taken.
    const account = await this.db.forTenant(parsed.tenantId, async (tx) => {
      const reset = await this.usableToken(tx, parsed, false);
      return this.users.get(tx, reset.user_id);
    });
    if (!account?.active) throw invalidResetToken();
    assertPasswordFitsAccount(password, account.email);
    const passwordHash = await this.hasher.hash(password);
    await this.db.forTenant(parsed.tenantId, async (tx) => {
      // User row first, then the token: of two resets with the same token exactly one wins.
      const user = await this.users.credentials(tx, account.id, true);
      const reset = await this.usableToken(tx, parsed, true);
      if (!user?.active || reset.user_id !== user.id) throw invalidResetToken();
      const now = new Date(this.clock.now());
      await this.users.setPassword(tx, user.id, passwordHash, now);
      await this.resets.markUsed(tx, reset.id, now);
      await this.resets.revokeLive(tx, user.id, now);
      const ended = await this.sessions.revokeAllOfUser(tx, user.id, 'password_reset');
      this.audit.record(tx, {
        action: 'auth.password_reset_completed',
        actor: { type: 'user', id: user.id },
        target: { type: 'user', id: user.id },
        metadata: { resetId: reset.id, sessionsEnded: ended.length },
      });
    });
  }

  /** Revokes the user's live reset links (their password changed by other means). */
  revokeForUser(tx: TenantTx, userId: string): Promise<number> {
    return this.resets.revokeLive(tx, userId, new Date(this.clock.now()));
  }

  private async usableToken(tx: TenantTx, parsed: ParsedToken, lock: boolean) {
    const reset = await this.resets.find(tx, parsed.id, lock);
    if (
      !reset ||
      !sameHash(reset.token_hash, sha256(parsed.secret)) ||
      reset.used_at ||
      reset.revoked_at ||
      reset.expires_at.getTime() <= this.clock.now()
    )
      throw invalidResetToken();
    return reset;
  }
}
